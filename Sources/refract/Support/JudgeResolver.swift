import Evaluation
import Providers

/// Judge models as `refract eval` and the workbench resolve them: any configured model, priced, and
/// sharing the providers' concurrency limits with the runs being judged.
enum JudgeResolver {
    static func checkRunner(registry: ProviderRegistry, prices: PriceTable, limiter: ConcurrencyLimiter) -> CheckRunner {
        CheckRunner { name in
            guard let ref = ModelRef(name) else { throw CLIError(message: "\"\(name)\" is not provider:model") }
            let spec: ProviderSpec
            do { spec = try registry.resolve(ref) } catch { throw CLIError(message: "\(error)") }
            let model = LimitedModel(base: registry.languageModel(for: ref), limiter: limiter, provider: ref.provider)
            return JudgeModel(model: model, modelID: ref.model, price: prices.price(for: ref), protocolName: spec.protocolName)
        }
    }
}
