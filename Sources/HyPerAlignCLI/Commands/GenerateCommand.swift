import ArgumentParser
import Foundation
import HyPerAlign
import LanguageModels
import ProfileStorage
import SQLiteStorage

/// `hyperalign generate`: step 2 for a stored person.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Answer a request as (or for) a stored user.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The stored user id.") var user: String
    @Option(help: "zero-shot, few-shot, hyperalign or hyperalign+examples.") var variant: GenerationVariant = .hyperalign
    @Option(name: .customLong("max-tokens"), help: "Longest answer, in tokens.") var maxTokens: Int = 700
    @Flag(help: "Print the answer as it is generated.") var stream = false
    @Option(name: .customLong("best-of"), help: "Candidates sampled in parallel; the one following most measured habits is kept (ties: the stylistically closest).")
    var bestOf = 1
    @Flag(help: "One rewrite pass naming the measured habits the answer breaks.") var revise = false
    @Flag(help: "Edit each answer mechanically to follow the habits an edit can fix (opening formula, sign-off, marks, markdown, contractions, length); reported under `repaired`.")
    var repair = false
    @Option(help: "How --best-of keeps a candidate: habits (most habits followed, ties to the closest style) or style (closest to the user's style, measured against the other users in the store; pair with --repair).")
    var choose: CandidateChoice = .habits
    @Flag(help: "Print the answer, the variant, the token usage and the adherence to each measured habit as JSON.") var json = false
    @Argument(help: "The request, e.g. \"Write an email declining the invitation.\"") var request: String

    func validate() throws {
        guard !request.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("the request is empty") }
        guard !(stream && json) else { throw ValidationError("--stream and --json cannot be combined") }
        guard (1...CheckedGeneration.maxCandidates).contains(bestOf) else {
            throw ValidationError("--best-of must be between 1 and \(CheckedGeneration.maxCandidates)")
        }
        guard !stream || (bestOf == 1 && !revise && !repair) else { throw ValidationError("--stream cannot be combined with --best-of, --revise or --repair") }
        guard choose == .habits || bestOf > 1 else { throw ValidationError("--choose style needs --best-of 2 or more") }
    }

    struct Output: Encodable {
        var user: String
        var variant: String
        var text: String
        var promptTokens: Int
        var completionTokens: Int
        var hypothesesStale: Bool
        var adherence: AdherenceReport
        var candidates: [CheckedGeneration.Candidate]
        var chosen: Int
        var revision: CheckedGeneration.Revision?
        var seconds: Double
    }

    func run() async throws {
        try UserID.validate(user)
        let store = try SQLiteProfileStore(path: global.storePath)
        guard let profile = try await store.profile(user, tenant: .local) else { throw StoreError.notFound(user: user) }
        let set = try await store.hypothesisSet(for: user, tenant: .local)
        if variant.needsHypotheses, set == nil {
            throw GenerationError(message: "variant '\(variant)' needs hypotheses for '\(user)': run `hyperalign infer --user \(user)` first")
        }
        let stale = set?.isStale(for: profile) ?? false
        if stale, variant.needsHypotheses {
            Console.note("warning: the hypotheses of '\(user)' are stale (texts changed); run `hyperalign infer --user \(user)`")
        }
        // Habits choices keep the tie-break they were measured with; only a choice by style reads other users.
        let background = choose == .style ? try await Self.otherPeoplesTexts(in: store, besides: user) : nil
        if let background, background.others(besides: user) < StyleMatcher.minimumOthers {
            Console.note("note: \(background.others(besides: user)) other user(s) in the store; style is measured against the other candidates until there are \(StyleMatcher.minimumOthers)")
        }
        let session = ModelSession(options: global)
        let prompts = try session.prompts()
        let options = try session.generationOptions(maxTokens: maxTokens)
        let (variant, request, stream, ticker) = (self.variant, self.request, self.stream, global.ticker)
        let (bestOf, revise, repair, choice) = (self.bestOf, self.revise, self.repair, self.choose)
        let checked = try await session.withModel { model in
            let generator = PersonalizedGenerator(model: model, prompts: prompts, options: options)
            if stream {
                var text = ""
                for try await delta in try generator.stream(request, for: profile, hypotheses: set, variant: variant) {
                    FileHandle.standardOutput.write(Data(delta.text.utf8))
                    text += delta.text
                }
                FileHandle.standardOutput.write(Data("\n".utf8))
                return CheckedGeneration(
                    text: text, adherence: options.adherenceChecker(for: profile).check(text), candidates: [], chosen: 0,
                    revision: nil, usage: TokenUsage(), seconds: 0, model: model.modelID)
            }
            let label = bestOf > 1 ? "generating \(bestOf) candidates" : "generating"
            return try await ticker.run("\(label) (\(variant), \(model.modelID))") {
                try await SelfCheckingGenerator(generator: generator, bestOf: bestOf, revise: revise, repair: repair, choice: choice, background: background)
                    .generate(request, for: profile, hypotheses: set, variant: variant)
            }
        }
        if json {
            return try Console.json(Output(
                user: user, variant: variant.rawValue, text: checked.text, promptTokens: checked.usage.promptTokens,
                completionTokens: checked.usage.completionTokens, hypothesesStale: stale, adherence: checked.adherence,
                candidates: checked.candidates, chosen: checked.chosen, revision: checked.revision, seconds: checked.seconds))
        }
        if !stream { Console.out(checked.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if !global.quiet { AdherencePrinter.print(checked, line: Console.note) }
    }

    /// The texts of up to 50 other users in the store: what style is measured against.
    static func otherPeoplesTexts(in store: SQLiteProfileStore, besides user: String) async throws -> StyleBackground {
        var others: [String: [String]] = [:]
        for summary in try await store.profileSummaries(tenant: .local) where summary.id != user && summary.textCount > 0 {
            guard others.count < 50 else { break }
            if let profile = try await store.profile(summary.id, tenant: .local) { others[summary.id] = profile.texts.map(\.text) }
        }
        return StyleBackground(people: others)
    }
}

extension GenerationVariant: ExpressibleByArgument {}
extension CandidateChoice: ExpressibleByArgument {}
