import Foundation

/// A self-contained HTML page from the report's Markdown (headings, paragraphs, tables, lists) and an inline SVG.
///
/// Only the Markdown the reports write is understood; everything is escaped.
public struct HTMLPage: Sendable {
    public var title: String
    public var markdown: String
    /// The chart inlined where the Markdown embeds an image.
    public var svg: String

    /// A page titled `title` showing `markdown`, with `svg` in place of its image line.
    public init(title: String, markdown: String, svg: String) {
        self.title = title
        self.markdown = markdown
        self.svg = svg
    }

    /// The whole HTML document.
    public func render() -> String {
        var html: [String] = []
        var inTable = false, inList = false
        func close() {
            if inTable { html.append("</table>"); inTable = false }
            if inList { html.append("</ul>"); inList = false }
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("|") {
                let cells = line.trimmingCharacters(in: .whitespaces).dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.allSatisfy({ $0.allSatisfy { $0 == "-" } && !$0.isEmpty }) { continue }
                if !inTable {
                    close(); inTable = true
                    html.append("<table>")
                    html.append("<tr>" + cells.map { "<th>\(inline($0))</th>" }.joined() + "</tr>")
                } else {
                    html.append("<tr>" + cells.map { "<td>\(inline($0))</td>" }.joined() + "</tr>")
                }
                continue
            }
            if line.hasPrefix("- ") {
                if !inList { close(); inList = true; html.append("<ul>") }
                html.append("<li>\(inline(String(line.dropFirst(2))))</li>")
                continue
            }
            close()
            if line.hasPrefix("![") {
                html.append("<figure>\(svgBody)</figure>")
            } else if line.hasPrefix("## ") {
                html.append("<h2>\(inline(String(line.dropFirst(3))))</h2>")
            } else if line.hasPrefix("# ") {
                html.append("<h1>\(inline(String(line.dropFirst(2))))</h1>")
            } else if !line.isEmpty {
                html.append("<p>\(inline(line))</p>")
            }
        }
        close()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(SVGCanvas.escape(title))</title>
            <style>body{font-family:Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;color:#222}
            table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
            th{background:#f4f4f4}code{background:#f4f4f4;padding:0 3px}figure{overflow-x:auto;margin:1em 0}</style>
            </head><body>
            \(html.joined(separator: "\n"))
            </body></html>

            """
    }

    /// The SVG without its XML declaration, for inlining.
    private var svgBody: String {
        svg.split(separator: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
    }

    /// Escapes a line and turns `code` spans into <code>.
    private func inline(_ text: String) -> String {
        let parts = SVGCanvas.escape(text).split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }
}
