/// A deterministic, LLM-free judge: which of two candidates is closer to an author's style?
///
/// It combines cosine over TF-IDF character n-grams, Burrows' Delta and the impostors method, each
/// measured relative to impostor authors, so a candidate wins by resembling *this* author rather than
/// by being generic. Build it once per corpus; build a reference once per author.
///
/// ```swift
/// let judge = StylometricJudge(impostors: pool)
/// let reference = judge.reference(AuthorTexts(author: "ann", texts: annsTexts))
/// let verdict = judge.compare(candidateA, candidateB, for: reference)
/// ```
public struct StylometricJudge: Sendable {
    public let configuration: JudgeConfiguration
    public let featurizer: TextFeaturizer
    public let cosine: CosineVerifier
    public let delta: BurrowsDelta
    public let impostorsVerifier: ImpostorsVerifier
    let impostorProfiles: [AuthorReference]

    /// Fits IDF and Delta statistics on all texts of `impostors` plus `extraCorpus`, and profiles each impostor.
    /// - Parameters:
    ///   - impostors: other authors' texts; an author is never its own impostor (matched by name).
    ///   - extraCorpus: more texts for fitting IDF and Delta only (e.g. the reference authors' texts).
    public init(
        impostors: [AuthorTexts], extraCorpus: [String] = [],
        configuration: JudgeConfiguration = JudgeConfiguration(), featurizer: TextFeaturizer = TextFeaturizer()
    ) {
        self.configuration = configuration
        self.featurizer = featurizer
        let impostorFeatures = impostors.map { featurizer.features(of: $0.texts) }
        let corpus = impostorFeatures.flatMap { $0 } + featurizer.features(of: extraCorpus)
        cosine = CosineVerifier(model: TFIDFModel(fitting: corpus))
        delta = BurrowsDelta(fitting: corpus, mostFrequent: configuration.deltaWords)
        impostorsVerifier = ImpostorsVerifier(
            rounds: configuration.impostorRounds, impostorsPerRound: configuration.impostorsPerRound,
            seed: configuration.seed
        )
        var profiles: [AuthorReference] = []
        for (author, features) in zip(impostors.map(\.author), impostorFeatures) where !features.isEmpty {
            profiles.append(Self.reference(author, Array(features.prefix(configuration.textsPerImpostor)), cosine, delta, impostorsVerifier))
        }
        impostorProfiles = profiles
    }

    /// The impostor authors, in pool order.
    public var impostorAuthors: [String] { impostorProfiles.map(\.author) }

    /// Featurizes and profiles an author's reference texts.
    public func reference(_ texts: AuthorTexts) -> AuthorReference {
        Self.reference(texts.author, featurizer.features(of: texts.texts), cosine, delta, impostorsVerifier)
    }

    static func reference(
        _ author: String, _ features: [TextFeatures], _ cosine: CosineVerifier, _ delta: BurrowsDelta,
        _ impostors: ImpostorsVerifier
    ) -> AuthorReference {
        let profile = cosine.profile(of: features)
        return AuthorReference(
            author: author, features: features, profile: profile,
            zScores: delta.zScores(of: features), target: impostors.target(profile)
        )
    }
}
