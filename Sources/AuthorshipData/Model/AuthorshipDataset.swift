/// The author-style emulation datasets the evaluation knows how to load.
public enum AuthorshipDataset: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reuters news articles (CCAT50 / Reuter_50_50), with DITTO's validation and test splits.
    case ccat50
    /// Emails and essays of the CMCC corpus, with DITTO's train/validation/test splits.
    case cmcc
    /// Blog posts of the Blog Authorship Corpus (no DITTO split; ours, seeded per blogger).
    case blogs

    /// The folder holding the dataset inside the data directory.
    public var folderName: String {
        switch self {
        case .ccat50: "ccat50"
        case .cmcc: "cmcc"
        case .blogs: "blog_authorship"
        }
    }
}
