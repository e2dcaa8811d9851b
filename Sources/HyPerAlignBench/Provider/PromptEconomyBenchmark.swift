import AsyncHTTPClient
import Foundation
import HyPerAlign
import LanguageModels
import NIOCore
import NIOHTTP1

/// Prompt tokens of the `hyperalign` variant versus `few-shot` for the same CCAT50 authors with 7 texts,
/// on the provider the user picks: hypotheses are inferred for real (that one-off call is costed too), and
/// both prompts are counted by the provider itself (the `prompt_tokens` it reports). Few-shot shows the
/// same example budget as in the evaluation (``GenerationOptions/exampleTokenBudget``).
struct PromptEconomyBenchmark {
    var dataDirectory: URL
    var authors = 3
    var textsPerAuthor = 7
    /// The few-shot example budget, as the evaluation uses it.
    var exampleTokenBudget = GenerationOptions().exampleTokenBudget

    struct Row: Encodable {
        var author: String
        var hypotheses: Int
        var hyperalignTokens: Int
        var fewShotTokens: Int
        var ratio: Double
        /// Tokens of the one-off inference (prompt + completion, every attempt).
        var inferenceTokens: Int
        /// Requests after which hyperalign (inference + its prompts) has cost fewer prompt tokens than
        /// few-shot; nil when hyperalign's prompt is not shorter.
        var breakEvenRequests: Int?
    }

    func loadAuthors() throws -> [(String, [UserText])] {
        let file = dataDirectory.appendingPathComponent("ccat50/c50train.jsonl")
        guard let content = try? String(contentsOf: file, encoding: .utf8) else {
            throw InputError(file: file.path, message: "cannot read CCAT50 (pass --data DIR pointing at the shared data folder)")
        }
        var byAuthor: [String: [UserText]] = [:]
        for (number, line) in content.split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let author = object["author"] as? String, let text = object["text"] as? String
            else { throw InputError(file: file.path, line: number + 1, message: "expected an object with 'author' and 'text'") }
            if byAuthor[author, default: []].count < textsPerAuthor {
                byAuthor[author, default: []].append(UserText(id: "\(author)-\(number)", text: text.replacingOccurrences(of: "\r\n", with: "\n")))
            }
        }
        return byAuthor.keys.sorted().prefix(authors).map { ($0, byAuthor[$0]!) }
    }

    /// - Parameter inference: the settings of the provider (small-model ones only on the embedded model).
    func run(model: some ChatModel, inference: InferenceConfiguration, progress: @Sendable (String) -> Void) async throws -> [Row] {
        var rows: [Row] = []
        let assembler = PromptAssembler(exampleTokenBudget: exampleTokenBudget)
        for (author, texts) in try loadAuthors() {
            progress("inferring hypotheses for \(author) (\(texts.count) texts)")
            let profile = UserProfile(id: author, texts: texts)
            let ledger = TokenLedger()
            let (set, _) = try await HypothesisInferencer(model: MeteredChatModel(model, ledger: ledger), configuration: inference).infer(profile)
            let request = "Write an article that starts with the following: The company said on Monday"
            let hyper = try assembler.messages(request: request, profile: profile, hypotheses: set, variant: .hyperalign)
            let few = try assembler.messages(request: request, profile: profile, hypotheses: set, variant: .fewShot)
            let hyperTokens = try await count(hyper, model: model)
            let fewTokens = try await count(few, model: model)
            let inferenceTokens = ledger.total.usage.totalTokens
            let saving = fewTokens - hyperTokens
            rows.append(Row(
                author: author, hypotheses: set.hypotheses.count, hyperalignTokens: hyperTokens, fewShotTokens: fewTokens,
                ratio: Double(hyperTokens) / Double(fewTokens), inferenceTokens: inferenceTokens,
                breakEvenRequests: saving > 0 ? Int((Double(inferenceTokens) / Double(saving)).rounded(.up)) : nil))
        }
        return rows
    }

    /// The prompt tokens the provider reports for `messages` (one call answering with a single token;
    /// served from the response cache on a re-run).
    func count(_ messages: [ChatMessage], model: some ChatModel) async throws -> Int {
        let response = try await model.complete(ChatRequest(messages: messages, temperature: 0, maxTokens: 1, seed: 7))
        guard response.usage.promptTokens > 0 else { throw BenchFailure("\(model.modelID) reported no prompt tokens") }
        return response.usage.promptTokens
    }
}
