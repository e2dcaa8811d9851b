import Statistics

/// The outcome of the impostors method for one candidate.
public struct ImpostorsScore: Sendable, Hashable {
    /// Rounds in which the author beat every sampled impostor.
    public var wins: Int
    public var rounds: Int
    /// Mean over rounds of (author similarity − best impostor similarity), a continuous tie-breaker.
    public var meanMargin: Double

    /// wins / rounds, in [0, 1].
    public var score: Double { rounds > 0 ? Double(wins) / Double(rounds) : 0 }
}

extension ImpostorsVerifier {
    /// A candidate prepared for scoring: its vector, the bucket of each feature and per-round norms.
    struct Projection {
        let vector: SparseVector
        let groups: [Int]
        let squaredNorms: [Double]
    }

    func project(_ candidate: SparseVector) -> Projection {
        Projection(vector: candidate, groups: candidate.keys.map(group), squaredNorms: roundSums(groupSquares(candidate)))
    }

    /// Scores a (weighted) candidate vector against the author and a pool of impostor targets.
    ///
    /// Impostor draws depend only on the seed and the pool size, so the same call gives the same result.
    public func score(candidate: SparseVector, author: Target, impostors: [Target]) -> ImpostorsScore {
        let projection = project(candidate)
        return score(
            projection, author: (author, groupDots(projection, author)),
            impostors: impostors.map { ($0, groupDots(projection, $0)) }
        )
    }

    /// The same, with the per-bucket dot products of the candidate and each target precomputed.
    func score(
        _ projection: Projection, author: (Target, [Double]), impostors: [(Target, [Double])]
    ) -> ImpostorsScore {
        guard !impostors.isEmpty else { return ImpostorsScore(wins: rounds, rounds: rounds, meanMargin: 0) }
        let perRound = min(impostorsPerRound, impostors.count)
        var generator = SeededGenerator(seed: seed ^ UInt64(impostors.count))
        var cache: [Int: [Double]] = [:]
        let authorSims = similarities(projection, author.1, author.0)
        var wins = 0
        var margin = 0.0
        for r in 0..<rounds {
            var best = -Double.infinity
            for j in sample(perRound, of: impostors.count, using: &generator) {
                if cache[j] == nil { cache[j] = similarities(projection, impostors[j].1, impostors[j].0) }
                best = max(best, cache[j]![r])
            }
            if authorSims[r] > best { wins += 1 }
            margin += authorSims[r] - best
        }
        return ImpostorsScore(wins: wins, rounds: rounds, meanMargin: margin / Double(rounds))
    }

    /// Dot products of the candidate and a target within each feature bucket (they sum to the full dot).
    func groupDots(_ projection: Projection, _ target: Target) -> [Double] {
        var dots = [Double](repeating: 0, count: Self.groups)
        let candidate = projection.vector
        let a = candidate.keys, b = target.vector.keys
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                dots[projection.groups[i]] += candidate.values[i] * target.vector.values[j]
                i += 1
                j += 1
            } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return dots
    }

    /// The cosine similarity of the candidate and a target restricted to each round's feature subset.
    func similarities(_ projection: Projection, _ dots: [Double], _ target: Target) -> [Double] {
        let roundDots = roundSums(dots)
        return (0..<rounds).map { r in
            let denominator = (projection.squaredNorms[r] * target.squaredNorms[r]).squareRoot()
            return denominator > 0 ? roundDots[r] / denominator : 0
        }
    }

    func sample(_ k: Int, of n: Int, using generator: inout SeededGenerator) -> [Int] {
        var pool = Array(0..<n)
        for i in 0..<k {
            let j = Int.random(in: i..<n, using: &generator)
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(k))
    }
}
