import Foundation

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into texts.
struct CSVTextParser {
    var file: String
    var maxTextBytes: Int

    func parse(_ content: String) throws -> [UserText] {
        let rows = try records(content)
        guard let header = rows.first else { throw InputError(file: file, message: "the file is empty") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = columns.firstIndex(of: "text") else {
            throw InputError(
                file: file, line: 1, field: "text",
                message: "no 'text' column in the header (found: \(columns.joined(separator: ", ")))")
        }
        let promptColumn = columns.firstIndex(of: "prompt") ?? columns.firstIndex(of: "context")
        let idColumn = columns.firstIndex(of: "id")
        var texts: [UserText] = []
        for row in rows.dropFirst() {
            if row.fields.count == 1, row.fields[0].isEmpty { continue }
            guard row.fields.count == columns.count else {
                throw InputError(
                    file: file, line: row.line,
                    message: "has \(row.fields.count) fields, the header has \(columns.count)")
            }
            let text = row.fields[textColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw InputError(file: file, line: row.line, field: "text", message: "is empty") }
            guard text.utf8.count <= maxTextBytes else {
                throw InputError(file: file, line: row.line, field: "text", message: "is longer than \(maxTextBytes) bytes")
            }
            let prompt = promptColumn.map { row.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            let id = idColumn.map { row.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(file):\(row.line)"
            texts.append(UserText(id: id, text: text, prompt: prompt, source: "\(file):\(row.line)"))
        }
        guard !texts.isEmpty else { throw InputError(file: file, message: "holds a header but no texts") }
        return texts
    }

    struct Record {
        var line: Int
        var fields: [String]
    }

    func records(_ content: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteOpenedAt = 1
        var iterator = Array(content.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteOpenedAt = line
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw InputError(file: file, line: quoteOpenedAt, message: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
