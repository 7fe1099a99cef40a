import Foundation

/// One page of `GET /v1/models`: `{"data":[{"id"}],"has_more","last_id"}`.
struct AnthropicModelList: Decodable {
    struct Model: Decodable { var id: String }
    var data: [Model]
    var hasMore: Bool?
    var lastID: String?

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
        case lastID = "last_id"
    }

    var page: ModelListPage {
        ModelListPage(modelIDs: data.map(\.id), nextPageToken: hasMore == true ? lastID : nil)
    }
}
