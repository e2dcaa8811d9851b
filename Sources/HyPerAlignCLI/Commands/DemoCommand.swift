import ArgumentParser
import Foundation
import HyPerAlign
import LanguageModels

/// `hyperalign demo`: the whole method on an example person, start to finish.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Infer hypotheses for an example person, then answer a request with and without them.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The request to answer as the example person.")
    var request = "Write a short email to your team announcing that Friday's field trip is cancelled because of a storm warning."

    @Flag(help: "Print the result as JSON.")
    var json = false

    struct Output: Encodable {
        var user: String
        var texts: Int
        var hypotheses: [Hypothesis]
        var attributes: InferredAttributes
        var request: String
        var unpersonalized: String
        var personalized: String
        var promptTokens: [String: Int]
    }

    func run() async throws {
        guard let url = Bundle.module.url(forResource: "demo-user", withExtension: "jsonl", subdirectory: "Examples") else {
            throw CLIFailure("the example texts are missing from the build")
        }
        let texts = try ProfileTextLoader().load(url)
        let profile = UserProfile(id: "marta", texts: texts, attributes: ["role": "field ecologist, leads a small lab"])
        let session = ModelSession(options: global)
        let prompts = try session.prompts()
        let ticker = global.ticker
        let request = self.request
        let configuration = try session.inferenceConfiguration()
        let options = try session.generationOptions()
        let output = try await session.withModel { model in
            let (set, report) = try await ticker.run("inferring hypotheses from \(texts.count) texts (\(model.modelID))") {
                try await HypothesisInferencer(model: model, prompts: prompts, configuration: configuration).infer(profile)
            }
            let generator = PersonalizedGenerator(model: model, prompts: prompts, options: options)
            let plain = try await ticker.run("answering without personalization") {
                try await generator.generate(request, for: profile, hypotheses: nil, variant: .zeroShot)
            }
            let personal = try await ticker.run("answering as the person (hyperalign)") {
                try await generator.generate(request, for: profile, hypotheses: set, variant: .hyperalign)
            }
            if !json { HypothesisPrinter.printSet(set, report: report) }
            return Output(
                user: profile.id, texts: texts.count, hypotheses: set.hypotheses, attributes: set.attributes,
                request: request, unpersonalized: plain.text, personalized: personal.text,
                promptTokens: ["zero-shot": plain.usage.promptTokens, "hyperalign": personal.usage.promptTokens])
        }
        if json {
            try Console.json(output)
            return
        }
        Console.out("\nREQUEST: \(request)\n")
        Console.out("── without personalization (zero-shot) ──────────────────────────")
        Console.out(output.unpersonalized.trimmingCharacters(in: .whitespacesAndNewlines))
        Console.out("\n── personalized with the hypotheses (hyperalign) ─────────────────")
        Console.out(output.personalized.trimmingCharacters(in: .whitespacesAndNewlines))
        Console.out("""

            The embedded model is tiny (135M parameters): it shows the pipeline, not the quality. For real
            results use a real provider, e.g. --provider openai --model gpt-4o-mini (see the README).
            """)
        let total = session.ledger.total
        Console.note("model calls: \(total.calls), tokens: \(total.usage.promptTokens) prompt + \(total.usage.completionTokens) completion")
    }
}
