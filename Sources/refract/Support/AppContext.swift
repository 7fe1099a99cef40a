import Config
import Foundation
import Platform
import Providers

/// What every command needs: the config, the price table, and the provider registry.
struct AppContext: Sendable {
    let config: RefractConfig
    let environment: [String: String]
    let home: RefractHome?
    let prices: PriceTable
    let registry: ProviderRegistry
    /// Warnings to show once (a key in a world-readable config, an unreadable price file).
    let warnings: [String]

    static func load(configPath: String?, readTimeout: Double? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppContext {
        let config: RefractConfig
        do { config = try ConfigLoader(environment: environment).load(explicit: configPath) } catch {
            throw CLIError(message: "bad config: \(error.description)", exitCode: 2)
        }
        var warnings = config.warnings
        let home = RefractHome.locate(environment: environment)
        var prices = PriceTable()
        if let home {
            do { prices = try PriceTable.load(home.priceTable) } catch { warnings.append("prices not loaded (\(error.description)); models show as unpriced") }
        } else {
            warnings.append("cannot find Refract's data folder (set REFRACT_HOME to the checkout); models show as unpriced")
        }
        prices.merge(config.prices)
        let localDir = home?.localModelDirectory(environment: environment)
            ?? environment["REFRACT_LOCAL_MODEL_DIR"].map { URL(fileURLWithPath: $0) }
            ?? XDGDirectories(environment: environment).refractData.appendingPathComponent("local-model")
        let registry = ProviderRegistry(
            providers: config.providers, environment: environment, prices: prices,
            localPool: LocalServerPool(directory: localDir, settings: config.local),
            transport: AsyncHTTPTransport(), readTimeout: readTimeout ?? config.readTimeout,
            retryPolicy: RetryPolicy(maxRetries: config.maxRetries)
        )
        return AppContext(config: config, environment: environment, home: home, prices: prices, registry: registry, warnings: warnings)
    }

    /// Parses `provider:model`, checking that the provider exists.
    func modelRef(_ text: String) throws -> ModelRef {
        guard let ref = ModelRef(text) else {
            throw CLIError(message: "models are named provider:model (e.g. local:\(LocalModelCatalog.smollm2.id)), got \"\(text)\"", exitCode: 2)
        }
        return ref
    }

    func printWarnings() {
        for warning in warnings { Stderr.line("refract: warning: \(warning)") }
    }

    func shutdown() async { await registry.shutdown() }
}
