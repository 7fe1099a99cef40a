import Foundation
import RefractTestSupport

// refract-fault-server: serves FaultServer on 127.0.0.1 until killed. Used by end-to-end tests and benchmarks.

let usage = """
    USAGE: refract-fault-server [--port <port>]

    Serves every Refract wire protocol on 127.0.0.1 and injects the fault the model name asks for.
    The first line on stdout is `listening on 127.0.0.1:PORT`. Runs until killed.

    OPTIONS
      --port <port>   port to listen on; 0 (the default) picks a free one
      -h, --help      show this help

    """

var port = 0
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "-h", "--help":
        print(usage + FaultMode.helpTable)
        exit(0)
    case "--port":
        guard let value = arguments.popFirst(), let number = Int(value), (0...65_535).contains(number) else {
            FileHandle.standardError.write(Data("refract-fault-server: --port needs a number from 0 to 65535\n".utf8))
            exit(64)
        }
        port = number
    default:
        if argument.hasPrefix("--port="), let number = Int(argument.dropFirst(7)), (0...65_535).contains(number) {
            port = number
        } else {
            FileHandle.standardError.write(Data("refract-fault-server: unknown argument '\(argument)' (try --help)\n".utf8))
            exit(64)
        }
    }
}

let server: FaultServer
do {
    server = try FaultServer(port: port)
} catch {
    FileHandle.standardError.write(Data("refract-fault-server: \(error)\n".utf8))
    exit(1)
}
// Written straight to the descriptor (no stdio buffer), so a parent reading the pipe sees it at once.
FileHandle.standardOutput.write(Data("listening on 127.0.0.1:\(server.port)\n".utf8))
while true { sleep(3600) }
