import Foundation

/// `GET /api/tags`: `{"models":[{"name"}]}`, the locally installed models.
struct OllamaModelList: Decodable {
    struct Model: Decodable { var name: String }
    var models: [Model]?

    var page: ModelListPage { ModelListPage(modelIDs: (models ?? []).map(\.name)) }
}
