import AuthorshipData
import HyPerAlign

/// What an adherence run covers and how it generates.
public struct AdherenceRunConfiguration: Sendable, Hashable {
    public var datasets: [AuthorshipDataset]
    /// The first authors of each dataset (in the loader's order) that have test prompts.
    public var authorsPerDataset: Int
    public var promptsPerAuthor: Int
    /// The prompts answered: DITTO's test split (the figures reported) or its validation split (for design).
    public var split: PromptSplit
    public var variants: [AdherenceVariant]
    public var inference: InferenceConfiguration
    public var generation: GenerationOptions
    /// Requests in flight at once (the embedded server's slots).
    public var concurrency: Int

    public init(
        datasets: [AuthorshipDataset] = [.ccat50, .cmcc], authorsPerDataset: Int = 4, promptsPerAuthor: Int = 2, split: PromptSplit = .test,
        variants: [AdherenceVariant] = AdherenceVariant.standard(), inference: InferenceConfiguration = .init(),
        generation: GenerationOptions = .init(), concurrency: Int = 4
    ) {
        self.datasets = datasets
        self.authorsPerDataset = authorsPerDataset
        self.promptsPerAuthor = promptsPerAuthor
        self.split = split
        self.variants = variants
        self.inference = inference
        self.generation = generation
        self.concurrency = concurrency
    }
}
