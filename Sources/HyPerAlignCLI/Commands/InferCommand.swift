import ArgumentParser
import AuthorshipData
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels
import ProfileStorage
import SQLiteStorage

/// `hyperalign infer`: step 1, ad hoc on files or on a stored profile.
struct InferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Infer hypotheses about a person from their texts (files, or a stored profile with --user).",
        discussion: "With --user the result is stored; a re-inference keeps hypotheses you edited or added.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Text files or folders (ad hoc, nothing stored).") var files: [String] = []
    @Option(help: "A stored profile to infer for (the result is stored).") var user: String?
    @Option(help: "How many hypotheses to ask for.") var count: Int = 8
    @Flag(help: "Print the result as JSON: the hypothesis-set document (as `hypotheses show --json` and the API) plus \"inference\": {report, merge, refinement}.") var json = false
    @Flag(help: "Refine: infer on part of the texts, check every hypothesis (measured and inferred) on the held-out rest, keep, revise or drop it, and report why.")
    var refine = false
    @Option(help: "With --refine: texts of other people (files) to compare measured habits with (default: the blog posts of $HYPERALIGN_DATA_DIR or ../shared/data).")
    var baseline: [String] = []

    func validate() throws {
        guard (files.isEmpty) != (user == nil) else {
            throw ValidationError("give either text files or --user ID, not both and not neither")
        }
        guard (1...30).contains(count) else { throw ValidationError("--count must be between 1 and 30") }
    }

    /// The hypothesis-set document with what this inference did beside it.
    struct Output: Encodable {
        struct Inference: Encodable {
            var report: InferenceReport
            var merge: HypothesisMerger.Report?
            var refinement: RefinementReport?
        }
        var document: HypothesisSetDocument
        var inference: Inference

        enum Keys: String, CodingKey { case inference }

        func encode(to encoder: any Encoder) throws {
            try document.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(inference, forKey: .inference)
        }
    }

    func run() async throws {
        let store = try user.map { _ in try SQLiteProfileStore(path: global.storePath) }
        let profile: UserProfile
        if let user, let store {
            guard let stored = try await store.profile(user, tenant: .local) else { throw StoreError.notFound(user: user) }
            profile = stored
        } else {
            profile = UserProfile(id: "ad-hoc", texts: try ProfileTextLoader().load(files.map { URL(fileURLWithPath: $0) }))
        }
        let session = ModelSession(options: global)
        let prompts = try session.prompts()
        let configuration = try session.inferenceConfiguration(count: count)
        let ticker = global.ticker
        let baselineTexts = refine ? try loadBaseline() : nil
        let (fresh, report, refinement) = try await session.withModel { model in
            let inference = HypothesisInference(model: model, prompts: prompts, configuration: configuration, baselineTexts: baselineTexts)
            let what = refine ? "inferring on part of \(profile.texts.count) texts and checking on the rest" : "inferring hypotheses from \(profile.texts.count) texts"
            return try await ticker.run("\(what) (\(model.modelID))") { try await inference.run(profile) }
        }
        var result = fresh
        var mergeReport: HypothesisMerger.Report?
        if let store {
            (result, mergeReport) = try await store.mergeInferredHypotheses(fresh, tenant: .local)
        }
        if json {
            return try Console.json(Output(
                document: HypothesisSetDocument(result, profile: profile),
                inference: .init(report: report, merge: mergeReport, refinement: refinement)))
        }
        HypothesisPrinter.printSet(result, report: refinement == nil ? report : nil)
        if let refinement { RefinementPrinter.print(refinement) }
        if let mergeReport, mergeReport.keptUserHypotheses > 0 || mergeReport.suppressed > 0 {
            Console.out("KEPT    \(mergeReport.keptUserHypotheses) hypotheses you edited or added; \(mergeReport.suppressed) you removed were not re-added")
        }
    }

    /// Texts of other people for the measured habits' baseline.
    private func loadBaseline() throws -> [String] {
        if !baseline.isEmpty {
            return try ProfileTextLoader().load(baseline.map { URL(fileURLWithPath: $0) }).map(\.text)
        }
        if let root = try? DataDirectory.resolve(explicit: nil), let posts = try? BaselineTexts.blogPosts(in: root) {
            return posts
        }
        throw CLIFailure("--refine needs texts of other people to compare with: give --baseline FILE… (or set $HYPERALIGN_DATA_DIR)", exitCode: .usage)
    }
}
