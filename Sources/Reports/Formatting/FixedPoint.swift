/// Numbers written with a fixed number of decimals and no locale, so reports are byte-identical on every
/// machine (`String(format:)` depends on the C locale).
public enum FixedPoint {
    /// `value` rounded to `digits` decimals (`-0.25` → `"-0.25"`); "–" for NaN or infinity.
    public static func format(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        guard digits > 0 else { return "\(sign)\(magnitude)" }
        let fraction = String(magnitude % scale)
        return "\(sign)\(magnitude / scale).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}
