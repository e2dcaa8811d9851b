import ArgumentParser
import Foundation
import GoalDirectedness
import LanguageModels

/// `hyperalign goals run`: plays the grid of episodes, cached and resumable, then prints the analysis.
struct GoalsRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play Blocksworld episodes with a model (or a scripted agent) and analyse them.",
        discussion: """
            Episodes are appended to RUN/episodes.jsonl as they finish and every model call goes through the \
            response cache, so an interrupted run continues where it stopped and a finished one costs nothing. \
            Capability subtasks always run too: the analysis needs them to predict what the model could reach.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("task"), help: "Composite tasks (repeatable): \(BlocksworldTask.allCases.filter { !$0.isCapabilitySubtask }.map(\.rawValue).joined(separator: ", ")). Default: all.")
    var tasks: [BlocksworldTask] = []
    @Option(help: "Block counts, e.g. 3,4,5.") var blocks = "3,4,5"
    @Option(name: .customLong("falling-blocks"), help: "Block counts for the falling tower and its subtask (released: 15; fall heights 3, 5, … up to blocks − 2, cycled by seed).") var fallingBlocks = "15"
    @Option(help: "Seeds per cell.") var seeds = 30
    @Option(name: .customLong("variant"), help: "System-prompt variants (repeatable): plain, motivational, demotivational.")
    var variants: [PromptVariant] = [.plain]
    @Option(help: "Run a scripted agent instead of a model: \(ScriptedAgentKind.allCases.map(\.rawValue).joined(separator: ", ")).") var agent: ScriptedAgentKind?
    @Option(help: "Run folder (created; reused to resume).") var run = "runs/goals"
    @Option(help: "Episodes played at once.") var concurrency = 2
    @Option(name: .customLong("max-tokens"), help: "Longest model reply per step (default: no cap, as released, since the model may reason before acting; 96 on the embedded model).")
    var maxTokens: Int?
    @Option(name: .customLong("context-messages"), help: "Keep only the opening and the last N messages (default: 24 on the embedded model, all otherwise).")
    var contextMessages: Int?
    @Option(name: .customLong("max-steps"), help: "Cap every task's step budget (for slow models; the default budgets grow with the blocks).")
    var maxSteps: Int?
    @Flag(help: "Print the analysis as JSON.") var json = false

    func validate() throws {
        guard (1...1000).contains(seeds) else { throw ValidationError("--seeds must be between 1 and 1000") }
        guard (1...16).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 16") }
        if let maxSteps, maxSteps < 4 { throw ValidationError("--max-steps must be at least 4") }
        _ = try parseBlockCounts(blocks, option: "--blocks", range: 2...10)
        _ = try parseBlockCounts(fallingBlocks, option: "--falling-blocks", range: 3...20)
        if let maxTokens, maxTokens < 8 { throw ValidationError("--max-tokens must be at least 8") }
        if let bad = tasks.first(where: \.isCapabilitySubtask) {
            throw ValidationError("'\(bad)' is a capability subtask; it runs automatically")
        }
    }

    func run() async throws {
        let blockCounts = try parseBlockCounts(blocks, option: "--blocks", range: 2...10)
        let directory = URL(fileURLWithPath: run, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try ResultStore(url: directory.appendingPathComponent("episodes.jsonl"))
        let runner = try GoalsRunManifest(maxSteps: maxSteps).reconcile(directory: directory).runner()
        let printer = ProgressPrinter(quiet: global.quiet)
        let fallingCounts = try parseBlockCounts(fallingBlocks, option: "--falling-blocks", range: 3...20)
        let makeGrid = { (model: String) in
            EvaluationGrid.withCapabilitySubtasks(
                model: model, tasks: tasks, blockCounts: blockCounts, fallingTowerBlockCounts: fallingCounts,
                variants: variants, seeds: 0..<UInt64(seeds))
        }
        let gridRunner = GridRunner(runner: runner, store: store, maximumConcurrentEpisodes: concurrency)
        let results: [EpisodeResult]
        if let agent {
            let name = "scripted:\(agent.rawValue)"
            results = try await gridRunner.run(makeGrid(name), agents: [name: agent.agent], progress: printer.handler)
        } else {
            let session = ModelSession(options: global)
            let embedded = try session.usesEmbeddedModel()
            let window = contextMessages ?? (embedded ? 24 : nil)
            let penalty: Double? = embedded ? 0.3 : nil
            let maxTokens = self.maxTokens ?? (embedded ? 96 : nil)
            results = try await session.withModel { model in
                let chat = ChatBlocksworldAgent(model: model, maxTokens: maxTokens, maxMessages: window, frequencyPenalty: penalty)
                let name = model.modelID.rawValue
                return try await gridRunner.run(makeGrid(name), agents: [name: chat], progress: printer.handler)
            }
        }
        try GoalsTablePrinter.print(try GoalsRunReport(directory: directory).write(results: results), json: json)
        if !global.quiet { Console.note("report: \(GoalsRunReport(directory: directory).markdownFile.path)") }
    }
}
