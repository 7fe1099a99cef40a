import TOMLKit

/// A change to a prompt file's inline `[[cases]]`, as the workbench's Cases pane makes it.
public enum CaseEdit: Sendable, Equatable {
    /// A new case after this one (first when nil), with an empty value for each of these variables.
    case add(after: Int?, variables: [String])
    case duplicate(Int)
    case delete(Int)
    /// One value of a case: its name, a variable (`vars.NAME`) or an expected value (`expect.NAME`).
    case set(Int, CaseField, String)
    /// Cases read from another file (an import), after the last one; a name already taken gets a number.
    case append([CaseValues])
}

/// A case's values as the file holds them: what an import copies into `[[cases]]`.
public struct CaseValues: Sendable, Equatable {
    public var name: String
    public var variables: [String: String]
    public var expect: [String: String]

    public init(name: String, variables: [String: String], expect: [String: String] = [:]) {
        self.name = name
        self.variables = variables
        self.expect = expect
    }
}

/// Which value of a case.
public enum CaseField: Sendable, Equatable, Hashable {
    case name
    case variable(String)
    case expect(String)
}

/// Why a case edit was refused (the cases live in another file, a name is taken).
public struct CaseEditError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension PromptDocument {
    /// The file `cases = "FILE"` names, when the cases live there rather than in this file.
    public var casesFile: String? {
        for line in extras.lines where line.hasPrefix("cases") {
            if let table = try? TOMLTable(string: line), let file = table["cases"]?.string { return file }
        }
        return nil
    }

    /// Applies `edit` to the inline `[[cases]]` (kept among the extra tables, so the file writer and the
    /// comments above `[[cases]]` stay as they are); returns the index of the case to select afterwards.
    @discardableResult
    public mutating func editCases(_ edit: CaseEdit) throws(CaseEditError) -> Int? {
        if let file = casesFile { throw CaseEditError("the cases live in \(file): edit them there") }
        let slot = extras.tables.firstIndex { $0.hasPrefix("[[cases]]") }
        var cases: [TOMLTable] = []
        if let slot {
            guard let root = try? TOMLTable(string: extras.tables[slot]), let array = root["cases"]?.array else {
                throw CaseEditError("the [[cases]] could not be read back")
            }
            cases = array.compactMap { $0.table.map(Self.copy) }
        }
        var names = cases.map { $0["name"]?.string ?? "" }
        func unique(_ base: String) -> String {
            var name = base, n = 2
            while names.contains(name) {
                name = "\(base) \(n)"
                n += 1
            }
            return name
        }
        var selected: Int?
        switch edit {
        case .add(let after, let variables):
            let table = TOMLTable()
            table["name"] = unique("case \(cases.count + 1)")
            let vars = TOMLTable()
            vars.inline = true
            for name in variables { vars[name] = "" }
            table["vars"] = vars
            let at = min(cases.count, (after ?? -1) + 1)
            cases.insert(table, at: at)
            selected = at
        case .duplicate(let i):
            guard cases.indices.contains(i) else { return nil }
            let copy = Self.copy(cases[i])
            copy["name"] = unique((cases[i]["name"]?.string ?? "case") + " copy")
            cases.insert(copy, at: i + 1)
            selected = i + 1
        case .delete(let i):
            guard cases.indices.contains(i) else { return nil }
            cases.remove(at: i)
            selected = cases.isEmpty ? nil : min(i, cases.count - 1)
        case .set(let i, let field, let value):
            guard cases.indices.contains(i) else { return nil }
            switch field {
            case .name:
                let name = value.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !name.isEmpty else { throw CaseEditError("a case needs a name") }
                guard !names.enumerated().contains(where: { $0.offset != i && $0.element == name }) else { throw CaseEditError("there is already a case named \"\(name)\"") }
                cases[i]["name"] = name
            case .variable(let key), .expect(let key):
                let group = if case .variable = field { "vars" } else { "expect" }
                let table = cases[i][group]?.table.map(Self.copy) ?? TOMLTable()
                // Values stay one line per case, as people write them (`vars = { text = "…" }`).
                table.inline = true
                table[key] = value
                cases[i][group] = table
            }
            selected = i
        case .append(let imported):
            guard !imported.isEmpty else { return nil }
            selected = cases.count
            for values in imported {
                let table = TOMLTable()
                let name = unique(values.name.isEmpty ? "case \(cases.count + 1)" : values.name)
                names.append(name)
                table["name"] = name
                // One line per case, as the editor writes them: `vars = { … }`, `expect = { … }`.
                for (group, dict) in [("vars", values.variables), ("expect", values.expect)] where group == "vars" || !dict.isEmpty {
                    let inner = TOMLTable()
                    inner.inline = true
                    for key in dict.keys.sorted() { inner[key] = dict[key]! }
                    table[group] = inner
                }
                cases.append(table)
            }
        }
        let text = cases.isEmpty ? nil : TOMLFragment.table(key: "cases", value: TOMLArray(cases))
        switch (slot, text) {
        case (let slot?, let text?): extras.tables[slot] = text
        case (let slot?, nil): extras.tables.remove(at: slot)
        case (nil, let text?): extras.tables.append(text)
        case (nil, nil): break
        }
        return selected
    }

    /// A detached copy (TOMLKit tables are references into one document).
    private static func copy(_ table: TOMLTable) -> TOMLTable {
        (try? TOMLTable(string: table.convert(to: .toml))) ?? TOMLTable()
    }
}
