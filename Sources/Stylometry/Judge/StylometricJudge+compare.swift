import Statistics

extension StylometricJudge {
    /// Scores one candidate against the author, relative to the impostors (minus `excluding` authors).
    public func score(_ candidate: String, for reference: AuthorReference, excluding: Set<String> = []) -> CandidateScore {
        score(featurizer.features(of: candidate), for: reference, excluding: excluding)
    }

    /// The same, for an already featurized candidate.
    public func score(_ candidate: TextFeatures, for reference: AuthorReference, excluding: Set<String> = []) -> CandidateScore {
        let pool = impostorProfiles.filter { $0.author != reference.author && !excluding.contains($0.author) }
        let weighted = cosine.model.weighted(candidate.characterNGrams)
        let z = delta.zScores(candidate.functionWordFrequencies)
        let k = max(1, configuration.closestImpostors)
        // Per-bucket dot products serve both the full cosine (their sum; vectors are unit length) and the impostors method.
        let projection = impostorsVerifier.project(weighted)
        let authorDots = impostorsVerifier.groupDots(projection, reference.target)
        let poolDots = pool.map { impostorsVerifier.groupDots(projection, $0.target) }
        let cosineToAuthor = authorDots.reduce(0, +)
        let impostorCosines = poolDots.map { $0.reduce(0, +) }.sorted(by: >).prefix(k)
        let deltaToAuthor = delta.delta(z, reference.zScores)
        let impostorDeltas = pool.map { delta.delta(z, $0.zScores) }.sorted().prefix(k)
        let cosineMargin = cosineToAuthor - (impostorCosines.isEmpty ? 0 : Summary.mean(Array(impostorCosines)))
        let deltaMargin = (impostorDeltas.isEmpty ? deltaToAuthor : Summary.mean(Array(impostorDeltas))) - deltaToAuthor
        let impostors = impostorsVerifier.score(
            projection, author: (reference.target, authorDots), impostors: Array(zip(pool.map(\.target), poolDots))
        )
        let combined = configuration.cosineWeight * cosineMargin
            + configuration.deltaWeight * deltaMargin
            + configuration.impostorsWeight * impostors.score
        return CandidateScore(
            cosine: cosineToAuthor, cosineMargin: cosineMargin, delta: deltaToAuthor,
            deltaMargin: deltaMargin, impostors: impostors, combined: combined
        )
    }

    /// Decides which candidate the author more likely wrote; the same inputs always give the same verdict.
    public func compare(_ a: String, _ b: String, for reference: AuthorReference, excluding: Set<String> = []) -> JudgeVerdict {
        verdict(score(a, for: reference, excluding: excluding), score(b, for: reference, excluding: excluding))
    }

    /// The verdict for two computed scores.
    public func verdict(_ a: CandidateScore, _ b: CandidateScore) -> JudgeVerdict {
        let difference = a.combined - b.combined
        let preferred: JudgeVerdict.Preference =
            abs(difference) <= configuration.tieTolerance ? .tie : (difference > 0 ? .a : .b)
        return JudgeVerdict(preferred: preferred, scoreA: a, scoreB: b)
    }
}
