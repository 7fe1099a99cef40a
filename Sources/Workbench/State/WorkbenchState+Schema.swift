import Foundation
import PromptFiles
import Providers

extension WorkbenchState {
    /// Whether a variant asks for the file's schema; one written with `schema = false` is only checked against it.
    func sendsSchema(variant: Int) -> Bool {
        guard variants.indices.contains(variant) else { return true }
        let name = variants[variant].name
        return document.base.instructions.first { $0.name == name }?.usesSchema ?? true
    }
}
