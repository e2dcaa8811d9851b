extension MeasuredHypothesis {
    /// Re-measures the statistic on held-out texts.
    ///
    /// It holds when the held-out value is on the same side of the baseline as the measured value and
    /// within `tolerance` (default ±50%) of it, relative to the larger of the value and its distance from the
    /// baseline: the habit is still there and about as strong.
    public func check(on heldOut: [TextFeatures], tolerance: Double = 0.5) -> HypothesisCheck {
        let measured = statistic.measure(TextSetProfile(heldOut))
        let sameSide = value >= baseline ? measured >= baseline : measured <= baseline
        // Relative to the value, or to its distance from the baseline for "never"/"rarely" facts near 0.
        let scale = max(abs(value), abs(value - baseline), 1e-9)
        let close = abs(measured - value) <= tolerance * scale
        let holds = !heldOut.isEmpty && measured.isFinite && sameSide && close
        let figures = "held-out \(Self.format(measured)), measured \(Self.format(value)), baseline \(Self.format(baseline))"
        let reason: String
        if heldOut.isEmpty {
            reason = "no held-out texts"
        } else if holds {
            reason = "holds: \(figures)"
        } else if !sameSide {
            reason = "reversed: \(figures)"
        } else {
            reason = "outside ±\(Int((tolerance * 100).rounded()))%: \(figures)"
        }
        return HypothesisCheck(hypothesis: self, heldOutValue: measured, holds: holds, reason: reason)
    }

    /// The same for raw texts.
    public func check(on heldOut: [String], tolerance: Double = 0.5, featurizer: TextFeaturizer = TextFeaturizer()) -> HypothesisCheck {
        check(on: featurizer.features(of: heldOut), tolerance: tolerance)
    }

    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
        let digits = abs(x) >= 10 ? 1 : 2
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return String((x * scale).rounded() / scale)
    }
}
