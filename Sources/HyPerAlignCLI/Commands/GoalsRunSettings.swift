import Foundation
import GoalDirectedness

/// Settings a goals run was made with (RUN/run.json): the analysis must use the same environment for its
/// random baseline, and a resumed run must not silently mix episodes played under different settings.
struct GoalsRunSettings: Codable, Equatable {
    /// The version of the evaluation (2: faithful to the released code, issue 11); folders of older versions
    /// hold episodes scored differently and are refused.
    static let currentVersion = 2
    var version: Int? = Self.currentVersion
    var maxSteps: Int?

    func runner() throws -> EpisodeRunner {
        var runner = try EpisodeRunner()
        runner.maximumSteps = maxSteps
        return runner
    }

    static func file(_ directory: URL) -> URL { directory.appendingPathComponent("run.json") }

    static func load(directory: URL) throws -> GoalsRunSettings? {
        guard let data = FileManager.default.contents(atPath: file(directory).path) else { return nil }
        let settings: GoalsRunSettings
        do {
            settings = try JSONDecoder().decode(GoalsRunSettings.self, from: data)
        } catch {
            throw CLIFailure("\(file(directory).path): cannot read the run settings: \(error)", exitCode: .badInput)
        }
        guard settings.version == currentVersion else {
            throw CLIFailure("\(directory.path) was made by an older version of the goals evaluation (scored differently); "
                + "start a new --run folder", exitCode: .badInput)
        }
        return settings
    }

    /// The settings of the run in `directory`: stored ones must match the requested ones.
    static func reconcile(directory: URL, maxSteps: Int?) throws -> GoalsRunSettings {
        let requested = GoalsRunSettings(version: currentVersion, maxSteps: maxSteps)
        if let stored = try load(directory: directory) {
            guard stored == requested else {
                throw CLIFailure(
                    "\(directory.path) was run with --max-steps \(stored.maxSteps.map(String.init) ?? "(default)"); "
                        + "resume it with the same settings or use another --run folder", exitCode: .usage)
            }
            return stored
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(requested).write(to: file(directory))
        return requested
    }
}
