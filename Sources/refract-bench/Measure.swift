import Foundation
#if canImport(Glibc)
import Glibc
import Providers
#endif

/// Clocks, CPU time and memory of this process, for the in-process benchmarks.
enum Measure {
    /// Monotonic seconds.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// User + system CPU seconds of the whole process (every thread).
    static func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set size of the process so far, in MB.
    static func peakRSSMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Resident set size now, in MB (from /proc/self/statm).
    static func rssMB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }
}

/// One benchmark's result: printed as aligned text on stderr and as one JSON object on stdout.
struct Report {
    var name: String
    private var fields: [(String, String)] = []

    init(_ name: String) { self.name = name }

    mutating func add(_ key: String, _ value: Double, digits: Int = 3) {
        fields.append((key, value.isFinite ? String(format: "%.\(digits)f", value) : "null"))
    }

    mutating func add(_ key: String, _ value: Int) { fields.append((key, String(value))) }

    mutating func add(_ key: String, _ value: String) {
        fields.append((key, JSONStringEscaper.quoted(value)))
    }

    func emit() {
        var text = "\(name)\n"
        for (key, value) in fields { text += "  \(key.padding(toLength: 28, withPad: " ", startingAt: 0)) \(value)\n" }
        FileHandle.standardError.write(Data(text.utf8))
        var json = JSONWriter()
        json.beginObject()
        json.key("bench"); json.string(name)
        for (key, value) in fields { json.key(key); json.raw(value) }
        json.endObject()
        FileHandle.standardOutput.write(Data((json.text + "\n").utf8))
    }
}

/// A small deterministic generator (xorshift), so every run produces the same streams.
struct BenchRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E3779B97F4A7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Token texts as a small model emits them: words with their leading space, punctuation, newlines,
/// a few non-ASCII letters and characters JSON must escape.
enum Tokens {
    static let vocabulary: [String] = [
        " the", " model", " answer", " of", " a", " to", " and", " is", " in", " that", " it", " for", " with",
        " as", " was", " on", " be", " this", " by", " at", " from", " an", " which", " or", " are", " we",
        " token", " stream", " terminal", " instruction", " café", " naïve", " 東京", ",", ".", ":", "\n", "\n\n",
        " \"quoted\"", " back\\slash", "s", "ing", "ed", " Refract", " 42", " -", " (", ")", " über", " 😀",
    ]

    static func make(_ count: Int, seed: UInt64 = 7) -> [String] {
        var random = BenchRandom(seed: seed)
        return (0..<count).map { _ in vocabulary[random.below(vocabulary.count)] }
    }

    /// A token with a log-probability and `alternatives` others as a server sends them: full-precision
    /// doubles (llama.cpp's float32 values printed as doubles), most likely first.
    static func logprob(_ token: String, alternatives: Int, vocabulary words: [String], at index: Int, random: inout BenchRandom) -> TokenLogprob {
        func value() -> Double { -Double(random.below(1_000_000_000)) / 97_654_321.123 }
        var top = [TokenAlternative(token: token, logprob: value())]
        for k in 1..<max(1, alternatives) { top.append(TokenAlternative(token: vocabulary[(index * 7 + k * 13) % vocabulary.count], logprob: value())) }
        top.sort { $0.logprob > $1.logprob }
        return TokenLogprob(token: token, logprob: top.first { $0.token == token }?.logprob ?? value(), top: top)
    }
}

/// Options of the form `--name value` and `--flag`.
struct Options {
    private var values: [String: String] = [:]
    private(set) var positional: [String] = []

    init(_ arguments: ArraySlice<String>) {
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let arg = arguments[i]
            if arg.hasPrefix("--") {
                let name = String(arg.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    values[String(name[..<eq])] = String(name[name.index(after: eq)...])
                } else if i + 1 < arguments.endIndex, !arguments[i + 1].hasPrefix("--") {
                    values[name] = arguments[i + 1]
                    i += 1
                } else {
                    values[name] = "true"
                }
            } else {
                positional.append(arg)
            }
            i += 1
        }
    }

    func string(_ name: String, _ fallback: String) -> String { values[name] ?? fallback }
    func optional(_ name: String) -> String? { values[name] }
    func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }
    func double(_ name: String, _ fallback: Double) -> Double { values[name].flatMap { Double($0) } ?? fallback }
    func flag(_ name: String) -> Bool { values[name] == "true" }
}
