/// A loaded dataset: its authors in a stable order.
public struct AuthorshipCorpus: Sendable, Hashable, Codable {
    public var dataset: AuthorshipDataset
    public var authors: [AuthorData]

    public init(dataset: AuthorshipDataset, authors: [AuthorData]) {
        self.dataset = dataset
        self.authors = authors
    }

    /// The author with this name, if present.
    public func author(named name: String) -> AuthorData? {
        authors.first { $0.author == name }
    }

    /// All test items, author by author.
    public var testItems: [TestItem] { authors.flatMap(\.testItems) }
}
