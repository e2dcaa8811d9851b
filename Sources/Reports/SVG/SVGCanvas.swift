/// A tiny SVG builder: rectangles, lines and escaped text, nothing else — plain SVG text with no
/// dependencies, so reports render anywhere (browsers, `rsvg-convert`, GitHub).
public struct SVGCanvas: Sendable {
    private var body: [String] = []
    /// The document's size in pixels.
    public let width: Double
    public let height: Double

    /// An empty white canvas.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
        body.append(#"<rect x="0" y="0" width="\#(n(width))" height="\#(n(height))" fill="white"/>"#)
    }

    /// A filled rectangle.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        body.append(#"<rect x="\#(n(x))" y="\#(n(y))" width="\#(n(width))" height="\#(n(height))" fill="\#(fill)"/>"#)
    }

    /// A straight line, dashed if `dash` is given (e.g. `"5,4"`).
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double, dash: String? = nil) {
        let dashed = dash.map { #" stroke-dasharray="\#($0)""# } ?? ""
        body.append(#"<line x1="\#(n(x1))" y1="\#(n(y1))" x2="\#(n(x2))" y2="\#(n(y2))" stroke="\#(stroke)" stroke-width="\#(n(width))"\#(dashed)/>"#)
    }

    /// Text, escaped; `rotate` turns it about its anchor point.
    public mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: String = "start",
                       weight: String = "normal", fill: String = "#222", rotate: Double? = nil) {
        let transform = rotate.map { #" transform="rotate(\#(n($0)) \#(n(x)) \#(n(y)))""# } ?? ""
        body.append(#"<text x="\#(n(x))" y="\#(n(y))" font-family="Helvetica, Arial, sans-serif" font-size="\#(n(size))" text-anchor="\#(anchor)" font-weight="\#(weight)" fill="\#(fill)"\#(transform)>\#(Self.escape(content))</text>"#)
    }

    /// The whole SVG document.
    public func finish() -> String {
        let header = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(n(width))" height="\#(n(height))" viewBox="0 0 \#(n(width)) \#(n(height))">"#
        return ([#"<?xml version="1.0" encoding="UTF-8"?>"#, header] + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    /// Escapes text for XML and HTML.
    public static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
    }

    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }
}
