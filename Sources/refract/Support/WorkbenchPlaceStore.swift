import Foundation
import Platform
import PromptFiles
import Workbench

/// Where the workbench was in a named prompt file (focused pane, active variant), kept outside the
/// file in `$XDG_STATE_HOME/refract/places/`, so reopening shows the same screen without putting
/// screen state into a file that lives in git.
struct WorkbenchPlaceStore {
    let folder: URL

    init(environment: [String: String]) {
        folder = XDGDirectories(environment: environment).refractState.appendingPathComponent("places")
    }

    func file(for url: URL) -> URL { folder.appendingPathComponent(PromptFileLock.lockName(for: url).replacingOccurrences(of: ".lock", with: ".place")) }

    func load(for url: URL) -> WorkbenchPlace? {
        guard let text = try? String(contentsOf: file(for: url), encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 2, PaneID(rawValue: fields[0]) != nil, let variant = Int(fields[1]) else { return nil }
        return WorkbenchPlace(focus: fields[0], variant: variant)
    }

    func save(_ place: WorkbenchPlace, for url: URL) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? "\(place.focus ?? PaneID.input.rawValue) \(place.variant ?? 0)\n".write(to: file(for: url), atomically: true, encoding: .utf8)
    }
}
