import Foundation
import Platform
import Providers
import TOMLKit

/// Reads the parsed TOML tree into a `RefractConfig`, checking every key and value.
struct ConfigTableReader {
    let root: TOMLTable
    let file: String
    let locator: TOMLKeyLocator

    static let topLevelKeys: Set<String> = [
        "default_model", "theme", "read_timeout", "max_retries", "sessions_dir", "budget_usd",
        "providers", "prices", "keys", "local",
    ]
    static let providerKeys: Set<String> = [
        "protocol", "base_url", "api_key_env", "api_key", "models", "raw_models", "headers", "concurrency",
    ]
    static let priceKeys: Set<String> = ["input", "output", "cache_read", "cache_write", "source", "checked"]
    static let localKeys: Set<String> = ["parallel", "threads", "context", "startup_timeout"]

    // Plain character checks: a regular expression here cost a few milliseconds of every start-up.
    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        isASCIILetter(c) || ("0"..."9").contains(c) || c == "_" || c == "." || c == "-"
    }

    func fail(_ table: [String], _ key: String?, _ message: String) -> ConfigError {
        let pos = locator.position(of: key, inTable: table)
        let name = (table + (key.map { [$0] } ?? [])).joined(separator: ".")
        return ConfigError(file: file, line: pos?.line, column: pos?.column, message: name.isEmpty ? message : "\(name): \(message)")
    }

    func read(environment: [String: String]) throws(ConfigError) -> RefractConfig {
        var config = RefractConfig(providers: BuiltinProviders.all(environment: environment))
        try checkKeys(root, allowed: Self.topLevelKeys, table: [])

        if let v = root["default_model"] {
            guard let s = v.string, let ref = ModelRef(s) else { throw fail([], "default_model", "expected \"provider:model\", e.g. \"local:smollm2-135m-instruct\"") }
            config.defaultModel = ref
        }
        if let v = root["theme"] {
            guard let s = v.string, !s.isEmpty else { throw fail([], "theme", "expected a theme name, e.g. \"dark\"") }
            config.theme = s
        }
        if let v = root["read_timeout"] { config.readTimeout = try positiveNumber(v, [], "read_timeout") }
        if let v = root["max_retries"] {
            guard let n = v.int, (0...10).contains(n) else { throw fail([], "max_retries", "expected a whole number from 0 to 10") }
            config.maxRetries = n
        }
        if let v = root["sessions_dir"] {
            guard let s = v.string, !s.isEmpty else { throw fail([], "sessions_dir", "expected a folder path") }
            config.sessionsDirectory = (s as NSString).expandingTildeInPath
        }
        if let v = root["budget_usd"] { config.budgetUSD = try positiveNumber(v, [], "budget_usd") }

        if let v = root["providers"] {
            guard let table = v.table else { throw fail([], "providers", "expected tables like [providers.NAME]") }
            for name in table.keys.sorted() {
                guard let t = table[name]?.table else { throw fail(["providers"], name, "expected a table [providers.\(name)]") }
                let spec = try provider(name, t, existing: config.provider(named: name))
                if let i = config.providers.firstIndex(where: { $0.name == name }) {
                    config.providers[i] = spec
                } else {
                    config.providers.append(spec)
                }
            }
        }
        if let v = root["prices"] {
            guard let table = v.table else { throw fail([], "prices", "expected tables like [prices.\"provider:model\"]") }
            var rows: [String: Price] = [:]
            for name in table.keys.sorted() {
                let path = ["prices", name]
                guard ModelRef(name) != nil else { throw fail(["prices"], name, "price rows are named \"provider:model\"") }
                guard let t = table[name]?.table else { throw fail(["prices"], name, "expected a table") }
                try checkKeys(t, allowed: Self.priceKeys, table: path)
                guard let input = t["input"], let output = t["output"] else { throw fail(path, nil, "input and output prices (USD per 1M tokens) are required") }
                rows[name] = Price(
                    input: try nonNegative(input, path, "input"), output: try nonNegative(output, path, "output"),
                    cacheRead: try t["cache_read"].map { v throws(ConfigError) in try nonNegative(v, path, "cache_read") },
                    cacheWrite: try t["cache_write"].map { v throws(ConfigError) in try nonNegative(v, path, "cache_write") },
                    source: t["source"]?.string ?? "your config (\(file))", checked: t["checked"]?.string
                )
            }
            config.prices = PriceTable(rows: rows)
        }
        if let v = root["keys"] {
            guard let table = v.table else { throw fail([], "keys", "expected a table [keys]") }
            for command in table.keys.sorted() {
                if let s = table[command]?.string {
                    config.keyBindings[command] = [s]
                } else if let list = table[command]?.array, list.allSatisfy({ $0.string != nil }) {
                    config.keyBindings[command] = list.compactMap(\.string)
                } else {
                    throw fail(["keys"], command, "expected a key like \"C-r\" or a list of keys")
                }
            }
        }
        if let v = root["local"] {
            guard let t = v.table else { throw fail([], "local", "expected a table [local]") }
            try checkKeys(t, allowed: Self.localKeys, table: ["local"])
            if let n = t["parallel"] { config.local.parallel = try wholeNumber(n, ["local"], "parallel", 1...16) }
            if let n = t["threads"] { config.local.threads = try wholeNumber(n, ["local"], "threads", 1...64) }
            if let n = t["context"] { config.local.contextPerSlot = try wholeNumber(n, ["local"], "context", 256...131_072) }
            if let n = t["startup_timeout"] { config.local.startupTimeout = try positiveNumber(n, ["local"], "startup_timeout") }
        }
        if let model = config.defaultModel, config.provider(named: model.provider) == nil {
            throw fail([], "default_model", "no provider called \"\(model.provider)\" (known: \(config.providers.map(\.name).joined(separator: ", ")))")
        }
        return config
    }

    func provider(_ name: String, _ t: TOMLTable, existing: ProviderSpec?) throws(ConfigError) -> ProviderSpec {
        let path = ["providers", name]
        try checkKeys(t, allowed: Self.providerKeys, table: path)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isNameCharacter) else {
            throw fail(["providers"], name, "provider names may use letters, digits, '-', '_' and '.' only")
        }
        var spec = existing ?? ProviderSpec(name: name, protocolName: .openAIChat, baseURL: URL(string: "http://127.0.0.1")!)
        if let v = t["protocol"] {
            let known = ProtocolName.allCases.map(\.rawValue)
            guard let s = v.string, let p = ProtocolName(rawValue: s) else {
                throw fail(path, "protocol", "expected one of \(known.joined(separator: " | "))")
            }
            spec.protocolName = p
        } else if existing == nil {
            throw fail(path, nil, "protocol is required (\(ProtocolName.allCases.map(\.rawValue).joined(separator: " | ")))")
        }
        if let v = t["base_url"] {
            guard let s = v.string, let url = URL(string: s), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw fail(path, "base_url", "expected an http(s) URL like \"http://127.0.0.1:8080/v1\"")
            }
            spec.baseURL = url
            if spec.isManagedLocal { spec.isManagedLocal = false }
            // Pointed somewhere else, a built-in is the user's server: errors name it, not the vendor.
            spec.vendor = nil
        } else if existing == nil {
            throw fail(path, nil, "base_url is required")
        }
        if let v = t["api_key_env"] {
            // An environment variable name: a letter or _, then letters, digits or _.
            guard let s = v.string, let first = s.unicodeScalars.first, first == "_" || Self.isASCIILetter(first),
                  s.unicodeScalars.allSatisfy({ $0 == "_" || Self.isASCIILetter($0) || ("0"..."9").contains($0) }) else {
                throw fail(path, "api_key_env", "expected the NAME of an environment variable (not the key itself)")
            }
            spec.apiKeyEnvironment = [s]
            spec.requiresKey = true
        }
        if let v = t["api_key"] {
            guard let s = v.string else { throw fail(path, "api_key", "expected a string") }
            spec.apiKeyFromConfig = s
            spec.requiresKey = true
        }
        if let v = t["models"] { spec.models = try strings(v, path, "models") }
        if let v = t["raw_models"] { spec.rawModels = Set(try strings(v, path, "raw_models")) }
        if let v = t["concurrency"] { spec.concurrency = try wholeNumber(v, path, "concurrency", 1...64) }
        if let v = t["headers"] {
            guard let h = v.table else { throw fail(path, "headers", "expected a table of header = \"value\"") }
            var fields = HeaderFields()
            for key in h.keys.sorted() {
                guard let value = h[key]?.string else { throw fail(path, "headers", "header \(key) must be a string") }
                fields.add(key, value)
            }
            spec.headers = fields
        }
        return spec
    }

    func checkKeys(_ table: TOMLTable, allowed: Set<String>, table path: [String]) throws(ConfigError) {
        for key in table.keys where !allowed.contains(key) {
            // `closest` breaks ties by name, so the same typo gets the same suggestion every run.
            let suggestion = EditDistance.closest(to: key, in: Array(allowed), limit: 1, maxDistance: 3).first
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            throw fail(path, key, "unknown setting\(hint); known: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func strings(_ v: TOMLValueConvertible, _ path: [String], _ key: String) throws(ConfigError) -> [String] {
        guard let list = v.array, list.allSatisfy({ $0.string != nil }) else { throw fail(path, key, "expected a list of strings") }
        return list.compactMap(\.string)
    }

    func positiveNumber(_ v: TOMLValueConvertible, _ path: [String], _ key: String) throws(ConfigError) -> Double {
        guard let n = v.double ?? v.int.map(Double.init), n > 0 else { throw fail(path, key, "expected a number greater than 0") }
        return n
    }

    func nonNegative(_ v: TOMLValueConvertible, _ path: [String], _ key: String) throws(ConfigError) -> Double {
        guard let n = v.double ?? v.int.map(Double.init), n >= 0 else { throw fail(path, key, "expected a price in USD per 1M tokens (0 or more)") }
        return n
    }

    func wholeNumber(_ v: TOMLValueConvertible, _ path: [String], _ key: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let n = v.int, range.contains(n) else { throw fail(path, key, "expected a whole number from \(range.lowerBound) to \(range.upperBound)") }
        return n
    }
}
