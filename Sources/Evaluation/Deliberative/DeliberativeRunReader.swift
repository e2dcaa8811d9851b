import RunFolders

/// Reads a deliberative run folder back, for `hyperalign report`.
package struct DeliberativeRunReader: Sendable {
    package var files: RunFiles

    package init(files: RunFiles) {
        self.files = files
    }

    package func summary() throws -> DeliberativeSummary {
        let manifest = try RunFiles.readJSON(DeliberativeRunManifest.self, from: files.manifest)
        let records = try JSONLinesLog<DeliberativeRecord>.open(files.comparisons).records
        return DeliberativeSummary.make(
            model: manifest.model, judgeModel: manifest.judgeModel, configuration: manifest.configuration, records: records,
            personaHypotheses: PersonaHypotheses.read(Set(records.map(\.persona)), from: files))
    }
}
