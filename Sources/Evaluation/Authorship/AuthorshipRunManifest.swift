/// `run.json` of an author-style run: what was asked, so a resumed run can check it asks the same.
public struct AuthorshipRunManifest: Sendable, Hashable, Codable {
    public var kind: String = "authorship"
    public var configuration: AuthorshipRunConfiguration
    /// The judged and generating model, as it names itself.
    public var model: String
    /// Folder the data was read from (for `hyperalign report`); not part of the identity of the run.
    public var dataDirectory: String

    public init(configuration: AuthorshipRunConfiguration, model: String, dataDirectory: String) {
        self.configuration = configuration
        self.model = model
        self.dataDirectory = dataDirectory
    }

    /// Whether a stored manifest describes the same run.
    public func matches(_ other: AuthorshipRunManifest) -> Bool {
        kind == other.kind && configuration == other.configuration && model == other.model
    }
}
