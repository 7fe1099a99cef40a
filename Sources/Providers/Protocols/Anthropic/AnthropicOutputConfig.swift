import Foundation

/// The Messages API's structured output, `output_config: {format: {type: "json_schema", schema}}` (generally
/// available; the earlier beta spelled it `output_format` behind a beta header).
struct AnthropicOutputConfig: Encodable, Equatable {
    struct Format: Encodable, Equatable {
        var type = "json_schema"
        var schema = SchemaPlaceholder()
    }

    var format = Format()
}
