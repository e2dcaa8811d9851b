/// Combines a fresh inference with the previous set without silently overwriting a person's edits.
public struct HypothesisMerger: Sendable {
    /// What a merge did, to tell the person.
    public struct Report: Sendable, Hashable, Codable {
        public var keptUserHypotheses: Int
        public var replacedInferred: Int
        public var addedInferred: Int
        /// New inferred hypotheses dropped because a person had removed the same statement before.
        public var suppressed: Int
        /// Attributes the person had set or cleared, kept over the fresh inference's values.
        public var keptPersonAttributes: Int = 0
    }

    public init() {}

    public func merge(previous: HypothesisSet?, fresh: HypothesisSet) -> (set: HypothesisSet, report: Report) {
        guard let previous else {
            return (fresh, Report(keptUserHypotheses: 0, replacedInferred: 0, addedInferred: fresh.hypotheses.count, suppressed: 0))
        }
        let userMade = previous.hypotheses.filter(\.isUserAuthored)
        let blocked = Set(previous.suppressedStatements)
            .union(userMade.map { StatementKey.normalize($0.statement) })
        var suppressed = 0
        let inferred = fresh.hypotheses.filter { hypothesis in
            let blockedHere = blocked.contains(StatementKey.normalize(hypothesis.statement))
            if blockedHere { suppressed += 1 }
            return !blockedHere
        }
        var merged = fresh
        merged.hypotheses = userMade + inferred
        let personSet = AttributeName.allCases.filter { previous.attributes.source(of: $0) == .person }
        for name in personSet {
            merged.attributes.set(name, previous.attributes[name])
            merged.attributes.sources[name.rawValue] = .person
        }
        merged.suppressedStatements = previous.suppressedStatements
        merged.revision = previous.revision
        let replaced = previous.hypotheses.count - userMade.count
        return (merged, Report(
            keptUserHypotheses: userMade.count, replacedInferred: replaced, addedInferred: inferred.count,
            suppressed: suppressed, keptPersonAttributes: personSet.count))
    }
}
