import Foundation
import RunFolders

/// The settings a goals run was made with (`RUN/run.json`): the analysis must use the same environment for
/// its random baseline, and a resumed run must not silently mix episodes played under different settings.
package struct GoalsRunManifest: Codable, Equatable, Sendable {
    /// The version of the evaluation (2: faithful to the released code); folders of older versions hold
    /// episodes scored differently and are refused.
    package static let currentVersion = 2
    package var version: Int? = Self.currentVersion
    /// The cap on every task's step budget, if any.
    package var maxSteps: Int?

    /// The manifest of a run with these settings.
    package init(maxSteps: Int?) {
        self.maxSteps = maxSteps
    }

    /// The episode runner these settings describe.
    package func runner() throws(GoalDirectednessError) -> EpisodeRunner {
        var runner = try EpisodeRunner()
        runner.maximumSteps = maxSteps
        return runner
    }

    /// The manifest's file in `directory`.
    package static func file(_ directory: URL) -> URL { directory.appendingPathComponent("run.json") }

    /// The stored manifest of `directory`, nil if there is none.
    /// - Throws: `GoalDirectednessError` if it is unreadable or from an older version of the evaluation.
    package static func load(directory: URL) throws(GoalDirectednessError) -> GoalsRunManifest? {
        guard FileManager.default.fileExists(atPath: file(directory).path) else { return nil }
        let manifest: GoalsRunManifest
        do { manifest = try RunJSON.read(GoalsRunManifest.self, from: file(directory)) } catch {
            throw .runFolder("cannot read the run settings: \(error)")
        }
        guard manifest.version == currentVersion else {
            throw .runFolder("\(directory.path) was made by an older version of the goals evaluation (scored differently); start a new run folder")
        }
        return manifest
    }

    /// The settings of the run in `directory`: stored ones must equal `self`; a new folder stores `self`.
    /// - Throws: `GoalDirectednessError` if the folder was run with other settings.
    package func reconcile(directory: URL) throws(GoalDirectednessError) -> GoalsRunManifest {
        if let stored = try Self.load(directory: directory) {
            guard stored == self else {
                throw .runFolder("\(directory.path) was run with --max-steps \(stored.maxSteps.map(String.init) ?? "(default)"); "
                    + "resume it with the same settings or use another run folder")
            }
            return stored
        }
        do { try RunJSON.write(self, to: Self.file(directory)) } catch { throw .runFolder("cannot write \(Self.file(directory).path): \(error)") }
        return self
    }
}
