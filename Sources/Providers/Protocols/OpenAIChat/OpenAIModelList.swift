import Foundation

/// `GET /models` on OpenAI and compatible servers: `{"data":[{"id"}]}`, one page.
struct OpenAIModelList: Decodable {
    struct Model: Decodable { var id: String }
    var data: [Model]

    var page: ModelListPage { ModelListPage(modelIDs: data.map(\.id)) }

    /// Parses the list or throws `.invalidResponse`.
    static func parse(_ body: Data) throws(ProviderError) -> ModelListPage {
        guard let list = WireJSON.decode(OpenAIModelList.self, from: body) else {
            throw ProviderError(kind: .invalidResponse, message: "the model list was not the expected JSON (`data[].id`)")
        }
        return list.page
    }
}
