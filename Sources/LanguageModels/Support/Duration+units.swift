/// A `Duration` as a number of seconds, milliseconds or nanoseconds: the one conversion of the package,
/// for logs, metrics, rates and APIs that take plain numbers.
extension Duration {
    /// Fractional seconds.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    /// Fractional milliseconds.
    public var milliseconds: Double { seconds * 1000 }
    /// Whole nanoseconds, saturating at `Int64.max` instead of overflowing.
    public var nanoseconds: Int64 {
        let (scaled, overflow) = components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled + components.attoseconds / 1_000_000_000
    }
}
