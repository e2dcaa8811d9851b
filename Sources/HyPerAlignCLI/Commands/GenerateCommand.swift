import ArgumentParser
import Foundation
import HyPerAlign
import LanguageModels
import ProfileStorage

/// `hyperalign generate`: step 2 for a stored person.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Answer a request as (or for) a stored user.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The stored user id.") var user: String
    @Option(help: "zero-shot, few-shot, hyperalign or hyperalign+examples.") var variant: GenerationVariant = .hyperalign
    @Option(name: .customLong("max-tokens"), help: "Longest answer, in tokens.") var maxTokens: Int = 700
    @Flag(help: "Print the answer as it is generated.") var stream = false
    @Flag(help: "Print the answer, the variant and the token usage as JSON.") var json = false
    @Argument(help: "The request, e.g. \"Write an email declining the invitation.\"") var request: String

    func validate() throws {
        guard !request.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("the request is empty") }
        guard !(stream && json) else { throw ValidationError("--stream and --json cannot be combined") }
    }

    struct Output: Encodable {
        var user: String
        var variant: String
        var text: String
        var promptTokens: Int
        var completionTokens: Int
        var hypothesesStale: Bool
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
        let session = ModelSession(options: global)
        let prompts = try session.prompts()
        let options = try session.generationOptions(maxTokens: maxTokens)
        let (variant, request, stream, ticker) = (self.variant, self.request, self.stream, global.ticker)
        let response = try await session.withModel { model in
            let generator = PersonalizedGenerator(model: model, prompts: prompts, options: options)
            if stream {
                var text = ""
                for try await delta in try generator.stream(request, for: profile, hypotheses: set, variant: variant) {
                    FileHandle.standardOutput.write(Data(delta.text.utf8))
                    text += delta.text
                }
                FileHandle.standardOutput.write(Data("\n".utf8))
                return ChatResponse(text: text, finishReason: nil, usage: TokenUsage(), latency: .zero, model: model.modelID)
            }
            return try await ticker.run("generating (\(variant), \(model.modelID))") {
                try await generator.generate(request, for: profile, hypotheses: set, variant: variant)
            }
        }
        if json {
            return try Console.json(Output(
                user: user, variant: variant.rawValue, text: response.text, promptTokens: response.usage.promptTokens,
                completionTokens: response.usage.completionTokens, hypothesesStale: stale))
        }
        if !stream { Console.out(response.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

extension GenerationVariant: ExpressibleByArgument {}
