import Foundation

/// A CSV file read by RFC 4180 rules (quoted fields with commas, doubled quotes and line breaks),
/// as the safety data sets are written.
struct CSVTable: Sendable {
    var header: [String]
    /// Rows with their 1-based line number in the file.
    var rows: [(line: Int, fields: [String: String])]

    init(contentsOf url: URL, name: String) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw EvaluationError(file: name, "cannot be read: \(error.localizedDescription)")
        }
        var records: [(Int, [String])] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\r": break
            case "\n":
                record.append(field)
                if !(record.count == 1 && record[0].isEmpty) { records.append((recordLine, record)) }
                record = []; field = ""; line += 1; recordLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append((recordLine, record)) }
        guard let first = records.first else { throw EvaluationError(file: name, "is empty") }
        header = first.1.map { $0.trimmingCharacters(in: .whitespaces) }
        let columns = header
        rows = records.dropFirst().map { line, values in
            var fields: [String: String] = [:]
            for (index, column) in columns.enumerated() where index < values.count { fields[column] = values[index] }
            return (line, fields)
        }
    }

    /// The value of `column` in every row; a missing column or empty value is an error naming the line.
    func column(_ column: String, file: String) throws -> [(line: Int, value: String)] {
        guard header.contains(column) else { throw EvaluationError(file: file, line: 1, "no column '\(column)'") }
        return try rows.map { row in
            guard let value = row.fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw EvaluationError(file: file, line: row.line, "field '\(column)' is empty")
            }
            return (row.line, value)
        }
    }
}
