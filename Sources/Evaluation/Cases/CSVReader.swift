import Foundation

/// A small RFC 4180 reader: comma-separated fields, `"` quoting with `""` for a quote, newlines inside
/// quotes, CRLF or LF. Each record keeps the line it starts on, so errors can name it (the CSV packages
/// at hand report no positions). A UTF-8 byte-order mark is skipped.
public enum CSVReader {
    /// One record and the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// Why a text is not CSV, with its place.
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func records(_ text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, column = 0
        var recordLine = 1
        var inQuotes = false
        var quoteStart = (1, 1)
        var fieldStarted = false
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            // A blank line is not a record (a lone empty field).
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldStarted = false
        }
        while i < chars.count {
            let c = chars[i]
            column += 1
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        column += 1
                        continue
                    }
                    inQuotes = false
                    // After a closing quote only a separator or the end of the record may follow.
                    if i + 1 < chars.count, ![",", "\n", "\r\n", "\r"].contains(chars[i + 1]) {
                        throw Failure(line: line, column: column + 1, message: "unexpected \(chars[i + 1]) after a closing quote")
                    }
                } else {
                    field.append(c)
                    if c == "\n" || c == "\r\n" {
                        line += 1
                        column = 0
                    }
                }
                i += 1
                continue
            }
            switch c {
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = true
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                column = 0
                recordLine = line
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldStarted = true
                quoteStart = (line, column)
            default:
                field.append(c)
                fieldStarted = true
            }
            i += 1
        }
        if inQuotes { throw Failure(line: quoteStart.0, column: quoteStart.1, message: "a quoted field is not closed") }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
