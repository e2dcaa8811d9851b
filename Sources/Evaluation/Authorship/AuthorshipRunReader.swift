import Foundation
import RunFolders

/// Reads a finished (or partial) author-style run folder back, for `hyperalign report`.
package struct AuthorshipRunReader: Sendable {
    package var files: RunFiles

    package init(files: RunFiles) {
        self.files = files
    }

    /// The summary rebuilt from `run.json` and the JSONL records (authors in the order they were generated).
    package func summary() throws -> AuthorshipSummary {
        let manifest = try RunFiles.readJSON(AuthorshipRunManifest.self, from: files.manifest)
        let generations = try JSONLinesLog<GenerationRecord>.open(files.generations).records
        let comparisons = try JSONLinesLog<ComparisonRecord>.open(files.comparisons).records
        var seen = Set<String>()
        let authors = (generations.map(\.author) + comparisons.map(\.author)).filter { seen.insert($0).inserted }
        return AuthorshipSummary.make(
            configuration: manifest.configuration, model: manifest.model, judgeModel: manifest.judgeModel, authors: authors,
            comparisons: comparisons, generations: generations)
    }
}
