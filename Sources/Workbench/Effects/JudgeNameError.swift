/// A judge's `model` that is not `provider:model` (the check becomes an error naming it).
struct JudgeNameError: Error, CustomStringConvertible {
    let name: String
    var description: String { "judge model \"\(name)\" is not provider:model" }
}
