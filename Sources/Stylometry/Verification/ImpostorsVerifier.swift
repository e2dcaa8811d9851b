import Statistics

/// The general impostors method (Koppel & Winter 2014): is the candidate closer to the author than to
/// impostor authors, robustly across many random feature subsets?
///
/// A single similarity can be high because a text is generic; beating impostors on most random halves
/// of the feature space is much stronger evidence of shared authorship. Features are hashed into
/// `groups` random buckets and each round keeps a random subset of buckets, so a round costs
/// `groups` additions instead of a pass over all features.
public struct ImpostorsVerifier: Sendable {
    /// Random feature subsets tried.
    public let rounds: Int
    /// Share of feature buckets kept in each subset.
    public let featureFraction: Double
    /// Impostors drawn (without replacement) for each round.
    public let impostorsPerRound: Int
    public let seed: UInt64
    /// Feature buckets.
    public static let groups = 256
    let groupSalt: UInt64
    /// Per round, the kept buckets.
    let subsets: [[Int]]

    public init(rounds: Int = 100, featureFraction: Double = 0.5, impostorsPerRound: Int = 10, seed: UInt64 = 0x1A9_0575) {
        precondition(rounds > 0, "rounds must be positive")
        precondition(featureFraction > 0 && featureFraction <= 1, "featureFraction must be in (0, 1]")
        precondition(impostorsPerRound > 0, "impostorsPerRound must be positive")
        self.rounds = rounds
        self.featureFraction = featureFraction
        self.impostorsPerRound = impostorsPerRound
        self.seed = seed
        var generator = SeededGenerator(seed: seed)
        groupSalt = generator.next()
        subsets = (0..<rounds).map { _ in
            (0..<Self.groups).filter { _ in Double.random(in: 0..<1, using: &generator) < featureFraction }
        }
    }

    /// The bucket of a feature.
    @inline(__always)
    func group(_ key: UInt64) -> Int {
        var z = key ^ groupSalt
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 56)
    }

    /// Squared norm of a vector within each bucket.
    func groupSquares(_ vector: SparseVector) -> [Double] {
        var squares = [Double](repeating: 0, count: Self.groups)
        for i in vector.keys.indices { squares[group(vector.keys[i])] += vector.values[i] * vector.values[i] }
        return squares
    }

    /// A comparison target (author or impostor profile) with its per-round norms precomputed.
    public struct Target: Sendable {
        public let vector: SparseVector
        let squaredNorms: [Double]
    }

    /// Prepares a profile vector as a target of this verifier.
    public func target(_ vector: SparseVector) -> Target {
        Target(vector: vector, squaredNorms: roundSums(groupSquares(vector)))
    }

    /// For each round, the sum of the per-bucket values over its kept buckets.
    func roundSums(_ perGroup: [Double]) -> [Double] {
        subsets.map { subset in subset.reduce(0) { $0 + perGroup[$1] } }
    }
}
