import ArgumentParser

/// `hyperalign eval`: the benchmarks.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run a benchmark into a run folder (resumable; every model call is cached).",
        discussion: "Re-running the same command resumes an interrupted run and re-runs a finished one without model calls.",
        subcommands: [EvalAuthorshipCommand.self, EvalDeliberativeCommand.self, EvalAdherenceCommand.self, EvalStylometryCommand.self])
}
