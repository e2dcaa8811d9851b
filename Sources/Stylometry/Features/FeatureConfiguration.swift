/// What the featurizer extracts; defaults follow the authorship-verification literature.
public struct FeatureConfiguration: Sendable, Hashable {
    /// Character n-gram lengths in bytes (1...7).
    public var nGramLengths: ClosedRange<Int>
    /// The MATTR window in words.
    public var mattrWindow: Int

    public init(nGramLengths: ClosedRange<Int> = 3...5, mattrWindow: Int = 50) {
        precondition(nGramLengths.lowerBound >= 1 && nGramLengths.upperBound <= 7, "n-gram lengths must be in 1...7")
        precondition(mattrWindow > 0, "the MATTR window must be positive")
        self.nGramLengths = nGramLengths
        self.mattrWindow = mattrWindow
    }
}
