import Foundation

/// One page of `GET /v1beta/models`: `{"models":[{"name","supportedGenerationMethods"}],"nextPageToken"}`.
struct GeminiModelList: Decodable {
    struct Model: Decodable {
        var name: String
        var supportedGenerationMethods: [String]?
    }

    var models: [Model]?
    var nextPageToken: String?

    /// Models that can generate content, named without their `models/` prefix.
    var page: ModelListPage {
        let ids = (models ?? [])
            .filter { $0.supportedGenerationMethods?.contains("generateContent") ?? true }
            .map { $0.name.hasPrefix("models/") ? String($0.name.dropFirst("models/".count)) : $0.name }
        let token = nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        return ModelListPage(modelIDs: ids, nextPageToken: token)
    }
}
