import Foundation
import Providers

/// A model that grades answers, as the caller resolved it: the stream, its id, and what it costs.
public struct JudgeModel: Sendable {
    public var model: any LanguageModel
    /// The id sent in the request (without the `provider:` prefix).
    public var modelID: String
    public var price: Price?
    public var protocolName: ProtocolName?

    public init(model: any LanguageModel, modelID: String, price: Price? = nil, protocolName: ProtocolName? = nil) {
        self.model = model
        self.modelID = modelID
        self.price = price
        self.protocolName = protocolName
    }
}
