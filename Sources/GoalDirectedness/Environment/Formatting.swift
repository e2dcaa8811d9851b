/// Number formatting shared by prompts, observations and scripted agents.
enum Formatting {
    /// One decimal place: `7.3`.
    static func centimetres(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths)) % 10
        return value < 0 && whole == 0 ? "-0.\(fraction)" : "\(whole).\(fraction)"
    }
}
