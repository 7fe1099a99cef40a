import Foundation
import Providers
import Sessions

/// Answers recorded by earlier evaluations, found by what was asked: the filled prompt, the model,
/// the parameters and the mode. The cache is the session store itself (decision 37): only sessions
/// holding an evaluation group are read, and the newest recording of a cell wins.
public struct EvalCache: Sendable {
    /// A recorded answer and where it came from.
    public struct Entry: Sendable {
        public var run: RecordedRun
        public var file: URL
    }

    private var entries: [String: [Entry]] = [:]

    public init() {}

    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// Reads the evaluation sessions of `store`, oldest first, so a newer recording replaces an older one.
    public static func load(store: SessionStore) -> EvalCache {
        var cache = EvalCache()
        let files = store.sessionFiles().sorted { a, b in
            let da = (try? a.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            let db = (try? b.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            return da < db
        }
        for file in files {
            // The cheap scan first: most sessions are not evaluations and are never read whole.
            guard let scan = try? store.open(file) else { continue }
            let groups = Set(scan.groups.filter { $0.kind == .evaluation }.map(\.group))
            guard !groups.isEmpty, let log = try? SessionReader.read(file) else { continue }
            var local: [String: [Entry]] = [:]
            for run in log.runs {
                guard let group = run.started.group, groups.contains(group), case .finished = run.outcome else { continue }
                // A cached answer is not cached again from its copy: it points at the original.
                guard !run.warnings.contains(where: { $0.hasPrefix(cachedWarningPrefix) }) else { continue }
                let key = Self.key(prompt: run.started.prompt, model: run.started.model, parameters: run.started.params, mode: run.started.mode)
                local[key, default: []].append(Entry(run: run, file: file))
            }
            cache.entries.merge(local) { _, newer in newer }
        }
        return cache
    }

    /// The recorded answer for the `sample`-th (1-based) repeat of a request, if there is one.
    public func lookup(prompt: Prompt, model: ModelRef, parameters: GenerationParameters, mode: RequestMode, sample: Int) -> Entry? {
        let list = entries[Self.key(prompt: prompt, model: model, parameters: parameters, mode: mode)] ?? []
        return sample - 1 < list.count ? list[sample - 1] : nil
    }

    public static let cachedWarningPrefix = "cached: "

    /// Canonical bytes of what was asked (Prompt and parameters encode their keys in a fixed order).
    public static func key(prompt: Prompt, model: ModelRef, parameters: GenerationParameters, mode: RequestMode) -> String {
        struct Key: Encodable {
            var prompt: Prompt
            var model: ModelRef
            var params: GenerationParameters
            var mode: RequestMode
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(Key(prompt: prompt, model: model, params: parameters, mode: mode))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
