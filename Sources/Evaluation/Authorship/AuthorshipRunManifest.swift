/// `run.json` of an author-style run: what was asked, so a resumed run can check it asks the same.
package struct AuthorshipRunManifest: Sendable, Hashable, Codable {
    package var kind: String = "authorship"
    package var configuration: AuthorshipRunConfiguration
    /// The generating model, as it names itself.
    package var model: String
    /// The LLM judge's model (`--judge-model`); the generating model when no separate judge was given.
    package var judgeModel: String?
    /// Folder the data was read from (for `hyperalign report`); not part of the identity of the run.
    package var dataDirectory: String

    package init(configuration: AuthorshipRunConfiguration, model: String, judgeModel: String? = nil, dataDirectory: String) {
        self.configuration = configuration
        self.model = model
        self.judgeModel = judgeModel
        self.dataDirectory = dataDirectory
    }

    /// Whether a stored manifest describes the same run.
    package func matches(_ other: AuthorshipRunManifest) -> Bool {
        kind == other.kind && configuration == other.configuration && model == other.model
            && (judgeModel ?? model) == (other.judgeModel ?? other.model)
    }
}
