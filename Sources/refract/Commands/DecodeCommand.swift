import ArgumentParser
import Foundation
import Providers

/// `refract decode`: a captured response body in, the neutral parts out (one JSON object per line).
struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a captured raw response body into Refract's neutral stream parts.",
        discussion: "Prints one JSON object per part, then a summary object. For debugging a provider and testing against real captures."
    )

    @Option(name: .customLong("protocol"), help: "The wire protocol: \(ProtocolName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var protocolName: String

    @Option(help: "A provider:model whose price turns the usage into cost_usd.")
    var model: String?

    @Argument(help: "The captured body (a file; omit or '-' for stdin).")
    var file: String?

    func run() async throws {
        try await reportingErrors {
            guard let name = ProtocolName(rawValue: protocolName) else {
                throw CLIError(message: "unknown protocol \"\(protocolName)\"; use one of \(ProtocolName.allCases.map(\.rawValue).joined(separator: ", "))", exitCode: 2)
            }
            let bytes = try InputReader.bytes(file ?? "-")
            let parts = StreamDecoder.decode(protocol: name, bytes: bytes)
            var run = RunAccumulator()
            var out = ""
            for part in parts {
                run.add(part)
                out += StreamPartJSON.object(for: part) + "\n"
            }
            var cost: Double?
            if let model, let usage = run.usage {
                let context = try AppContext.load(configPath: nil)
                guard let ref = ModelRef(model) else { throw CLIError(message: "models are named provider:model", exitCode: 2) }
                cost = context.prices.price(for: ref).flatMap { CostCalculator.cost(of: usage, at: $0, protocol: name) }
            }
            out += StreamPartJSON.summary(run, costUSD: cost) + "\n"
            Stdout.write(out)
            if run.failed { throw ExitCode(1) }
        }
    }
}
