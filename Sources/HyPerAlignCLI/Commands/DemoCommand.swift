import ArgumentParser
import Foundation
import HyPerAlign
import LanguageModels

/// `hyperalign demo`: the whole method on an example person, start to finish.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Infer hypotheses for an example person, then answer a request with and without them, checking both answers against the person's measured habits.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The request to answer as the example person.")
    var request = "Write a short email to your team announcing that Friday's field trip is cancelled because of a storm warning."

    @Option(name: .customLong("best-of"), help: "Personalized candidates sampled in parallel; the one following most measured habits is kept.")
    var bestOf = 1

    @Flag(help: "One rewrite pass of the personalized answer naming the habits it breaks.")
    var revise = false

    @Flag(help: "Edit the personalized answer mechanically to follow the habits an edit can fix (opening formula, sign-off, marks, markdown, contractions, length).")
    var repair = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard (1...8).contains(bestOf) else { throw ValidationError("--best-of must be between 1 and 8") }
    }

    struct Output: Encodable {
        var user: String
        var texts: Int
        var hypotheses: [Hypothesis]
        var attributes: InferredAttributes
        var request: String
        var unpersonalized: CheckedGeneration
        var personalized: CheckedGeneration
        var seconds: [String: Double]
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
        let (request, bestOf, revise, repair) = (self.request, self.bestOf, self.revise, self.repair)
        let configuration = try session.inferenceConfiguration()
        let options = try session.generationOptions()
        let clock = ContinuousClock()
        let output = try await session.withModel { model in
            let started = clock.now
            let generator = PersonalizedGenerator(model: model, prompts: prompts, options: options)
            // The unpersonalized answer needs no hypotheses: it takes a fourth slot while the three
            // categories are inferred.
            async let plainAnswer = SelfCheckingGenerator(generator: generator)
                .generate(request, for: profile, hypotheses: nil, variant: .zeroShot)
            let (set, report) = try await ticker.run("inferring hypotheses from \(texts.count) texts (\(model.modelID))") {
                try await HypothesisInferencer(model: model, prompts: prompts, configuration: configuration).infer(profile)
            }
            let inferred = clock.now
            let personal = try await ticker.run("answering as the person (hyperalign\(bestOf > 1 ? ", best of \(bestOf)" : "")\(revise ? ", revised" : "")\(repair ? ", repaired" : ""))") {
                try await SelfCheckingGenerator(generator: generator, bestOf: bestOf, revise: revise, repair: repair)
                    .generate(request, for: profile, hypotheses: set, variant: .hyperalign)
            }
            let plain = try await plainAnswer
            if !json { HypothesisPrinter.printSet(set, report: report) }
            return Output(
                user: profile.id, texts: texts.count, hypotheses: set.hypotheses, attributes: set.attributes,
                request: request, unpersonalized: plain, personalized: personal,
                seconds: ["inference": (inferred - started).seconds, "personalized": (clock.now - inferred).seconds])
        }
        if json {
            try Console.json(output)
            return
        }
        Console.out("\nREQUEST: \(request)\n")
        Console.out("── without personalization (zero-shot) ──────────────────────────")
        Console.out(output.unpersonalized.text.trimmingCharacters(in: .whitespacesAndNewlines))
        AdherencePrinter.print(output.unpersonalized)
        Console.out("\n── personalized with the hypotheses (hyperalign) ─────────────────")
        Console.out(output.personalized.text.trimmingCharacters(in: .whitespacesAndNewlines))
        AdherencePrinter.print(output.personalized)
        Console.out("""

            The embedded model is tiny (135M parameters): it shows the pipeline, not the quality. For real
            results use a real provider, e.g. --provider openai --model gpt-4o-mini (see the README).
            """)
        let total = session.ledger.total
        Console.note(String(
            format: "inference (with the unpersonalized answer alongside) %.1f s, personalized answer %.1f s; model calls: %d, tokens: %d prompt + %d completion",
            output.seconds["inference"] ?? 0, output.seconds["personalized"] ?? 0, total.calls,
            total.usage.promptTokens, total.usage.completionTokens))
    }
}
