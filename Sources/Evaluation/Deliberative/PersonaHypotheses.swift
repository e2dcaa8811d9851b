import Foundation
import HyPerAlign

/// What inference gave one persona in a deliberative run: its hypothesis count, or why it failed. Shown
/// beside the rates, because `hyperalign` and `deliberative` answer a persona whose inference failed with no
/// hypotheses at all, and a reader must not take their figures for personalized ones.
public struct PersonaHypotheses: Sendable, Hashable, Codable {
    public var persona: String
    /// Hypotheses inferred; nil when inference failed.
    public var hypothesisCount: Int?
    public var failure: String?

    /// The run folder's record for `persona`: `hypotheses/ID.json` (inferred) or `hypotheses/ID.failed.json`.
    static func inferred(_ persona: String, files: RunFiles) -> URL {
        files.directory.appendingPathComponent("hypotheses/\(persona).json")
    }

    static func failed(_ persona: String, files: RunFiles) -> URL {
        files.directory.appendingPathComponent("hypotheses/\(persona).failed.json")
    }

    /// Read back from the run folder for each of `personas` (sorted); a persona with neither file was never
    /// inferred (a baseline-only run) and is left out.
    package static func read(_ personas: Set<String>, from files: RunFiles) -> [PersonaHypotheses] {
        personas.sorted().compactMap { persona in
            if let set = try? RunFiles.readJSON(HypothesisSet.self, from: inferred(persona, files: files)) {
                return PersonaHypotheses(persona: persona, hypothesisCount: set.hypotheses.count, failure: nil)
            }
            if let failure = try? RunFiles.readJSON([String: String].self, from: failed(persona, files: files)) {
                return PersonaHypotheses(persona: persona, hypothesisCount: nil, failure: failure["failure"] ?? "inference failed")
            }
            return nil
        }
    }
}
