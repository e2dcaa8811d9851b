import RunFolders

/// Reads a deliberative run folder back, for `hyperalign report`.
public struct DeliberativeRunReader: Sendable {
    public var files: RunFiles

    public init(files: RunFiles) {
        self.files = files
    }

    public func summary() throws -> DeliberativeSummary {
        let manifest = try RunFiles.readJSON(DeliberativeRunManifest.self, from: files.manifest)
        let records = try JSONLinesLog<DeliberativeRecord>.open(files.comparisons).records
        return DeliberativeSummary.make(model: manifest.model, configuration: manifest.configuration, records: records)
    }
}
