/// A Markdown table: a header, an alignment per column and rows of cells, with `|` in cells escaped.
public struct MarkdownTable: Sendable, Hashable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable, Hashable {
        case left, right
    }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    /// A table with `header` columns, left-aligned unless `alignments` says otherwise.
    public init(_ header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments ?? header.map { _ in .left }
    }

    /// Appends one row of cells.
    public mutating func append(_ cells: [String]) { rows.append(cells) }

    /// The table's lines: header, separator, rows.
    public var lines: [String] {
        let separator = alignments.map { $0 == .right ? "---:" : "---" }
        return [Self.line(header), "|" + separator.joined(separator: "|") + "|"] + rows.map(Self.line)
    }

    /// The table as Markdown text.
    public var markdown: String { lines.joined(separator: "\n") }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}
