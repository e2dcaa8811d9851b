import Foundation

/// Loads an authorship dataset from a data directory laid out like `shared/data`.
///
/// The directory is a parameter so users can evaluate on their own corpora in the same layout
/// (`ccat50/c50train.jsonl`, `cmcc/ditto_test.json`, `blog_authorship/posts.jsonl`, …).
///
/// ```swift
/// let corpus = try AuthorshipCorpusLoader(dataDirectory: URL(filePath: "data")).load(.ccat50)
/// ```
public struct AuthorshipCorpusLoader: Sendable {
    public var dataDirectory: URL

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    /// Loads `dataset` with `trainingTextsPerAuthor` few-shot texts per author.
    /// - Throws: `AuthorshipDataError` naming the file, line and field of the first problem found.
    public func load(_ dataset: AuthorshipDataset, trainingTextsPerAuthor: Int = 7) throws(AuthorshipDataError) -> AuthorshipCorpus {
        guard trainingTextsPerAuthor > 0 else {
            throw AuthorshipDataError(file: dataset.folderName, problem: "trainingTextsPerAuthor must be positive")
        }
        let reader = DataFileReader(dataDirectory: dataDirectory)
        switch dataset {
        case .ccat50: return try CCAT50Loader(reader: reader).load(trainingTextsPerAuthor: trainingTextsPerAuthor)
        case .cmcc: return try CMCCLoader(reader: reader).load(trainingTextsPerAuthor: trainingTextsPerAuthor)
        case .blogs: return try BlogLoader(reader: reader).load(trainingTextsPerAuthor: trainingTextsPerAuthor)
        }
    }
}
