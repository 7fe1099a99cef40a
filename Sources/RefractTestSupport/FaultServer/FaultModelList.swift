/// The model-list answers: every example mode, paged the way each provider pages.
enum FaultModelList {
    static func body(for format: FaultRoute.ListFormat, request: HTTPServerRequest) -> [UInt8] {
        let names = FaultMode.examples
        var out = FaultBytes()
        switch format {
        case .openAI:
            out.add(#"{"object":"list","data":["#)
            for (i, name) in names.enumerated() {
                if i > 0 { out.add(",") }
                out.add(#"{"id":"#)
                out.add(json: name)
                out.add(#","object":"model","created":1700000000,"owned_by":"refract-fault-server"}"#)
            }
            out.add("]}")
        case .anthropic:
            let limit = min(max(Int(request.queryValue("limit") ?? "") ?? 20, 1), 1000)
            let start = request.queryValue("after_id").flatMap { id in names.firstIndex(of: id).map { $0 + 1 } } ?? 0
            let page = Array(names[min(start, names.count)..<min(start + limit, names.count)])
            out.add(#"{"data":["#)
            for (i, name) in page.enumerated() {
                if i > 0 { out.add(",") }
                out.add(#"{"type":"model","id":"#)
                out.add(json: name)
                out.add(#","display_name":"#)
                out.add(json: "Fault " + name)
                out.add(#","created_at":"2024-01-01T00:00:00Z"}"#)
            }
            out.add(#"],"has_more":\#(start + limit < names.count),"first_id":"#)
            out.add(page.first.map { String(decoding: JSONText.quoted($0), as: UTF8.self) } ?? "null")
            out.add(#","last_id":"#)
            out.add(page.last.map { String(decoding: JSONText.quoted($0), as: UTF8.self) } ?? "null")
            out.add("}")
        case .gemini:
            let size = min(max(Int(request.queryValue("pageSize") ?? "") ?? 50, 1), 1000)
            let start = min(Int(request.queryValue("pageToken") ?? "") ?? 0, names.count)
            let end = min(start + size, names.count)
            out.add(#"{"models":["#)
            for (i, name) in names[start..<end].enumerated() {
                if i > 0 { out.add(",") }
                out.add(#"{"name":"#)
                out.add(json: "models/" + name)
                out.add(#","version":"001","displayName":"#)
                out.add(json: "Fault " + name)
                out.add(#","inputTokenLimit":1048576,"outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","streamGenerateContent"]}"#)
            }
            out.add("]")
            if end < names.count { out.add(#","nextPageToken":"\#(end)""#) }
            out.add("}")
        case .ollama:
            out.add(#"{"models":["#)
            for (i, name) in names.enumerated() {
                if i > 0 { out.add(",") }
                out.add(#"{"name":"#)
                out.add(json: name)
                out.add(#","model":"#)
                out.add(json: name)
                out.add(#","modified_at":"2024-01-01T00:00:00Z","size":1,"digest":"0000","details":{"format":"gguf","family":"fault","parameter_size":"0B","quantization_level":"none"}}"#)
            }
            out.add("]}")
        }
        return out.bytes
    }
}
