/// The outcome of one pairwise comparison, from the point of view of the system under test.
public enum PairwiseOutcome: String, Sendable, Codable, Hashable, CaseIterable {
    case win, tie, loss

    /// Its contribution to a win-rate: a tie counts half.
    public var score: Double {
        switch self {
        case .win: 1
        case .tie: 0.5
        case .loss: 0
        }
    }
}

/// Win-rate = (wins + ½ ties) / comparisons, with a bootstrap confidence interval.
public struct WinRate: Sendable, Codable, Hashable {
    public var wins: Int
    public var ties: Int
    public var losses: Int
    public var interval: ConfidenceInterval

    public var comparisons: Int { wins + ties + losses }

    public init(outcomes: [PairwiseOutcome], bootstrap: Bootstrap = Bootstrap()) {
        wins = outcomes.count { $0 == .win }
        ties = outcomes.count { $0 == .tie }
        losses = outcomes.count { $0 == .loss }
        interval = bootstrap.interval(of: outcomes) { sample in
            Summary.mean(sample.map(\.score))
        }
    }

    /// The win-rate over clusters of comparisons (e.g. one cluster per author), its interval from a
    /// cluster bootstrap that resamples whole clusters.
    public init(clusters: [[PairwiseOutcome]], bootstrap: Bootstrap = Bootstrap()) {
        let outcomes = clusters.flatMap { $0 }
        wins = outcomes.count { $0 == .win }
        ties = outcomes.count { $0 == .tie }
        losses = outcomes.count { $0 == .loss }
        interval = bootstrap.clusterInterval(of: clusters) { sample in
            Summary.mean(sample.map(\.score))
        }
    }
}
