/// Number formatting shared by prompts, observations and scripted agents.
enum Formatting {
    /// Two decimal places, as the released code prints heights (`{height:.2f}`): `7.30`.
    static func centimetres(_ value: Double) -> String {
        let hundredths = Int((abs(value) * 100).rounded())
        let fraction = hundredths % 100
        return (value < 0 && hundredths > 0 ? "-" : "") + "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `value` rounded to what `centimetres` shows.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
