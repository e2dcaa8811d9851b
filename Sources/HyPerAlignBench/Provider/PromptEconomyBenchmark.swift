import AsyncHTTPClient
import Foundation
import HyPerAlign
import LanguageModels
import NIOCore
import NIOHTTP1

/// Prompt tokens of the `hyperalign` variant versus `few-shot` for the same CCAT50 authors with 7 texts:
/// hypotheses are inferred for real, and both prompts are counted with the model's own tokenizer.
struct PromptEconomyBenchmark {
    var dataDirectory: URL
    var authors = 3
    var textsPerAuthor = 7

    struct Row: Encodable {
        var author: String
        var hypotheses: Int
        var hyperalignTokens: Int
        var fewShotTokens: Int
        var ratio: Double
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

    func run(model: some ChatModel, tokenizerURL: String, progress: @Sendable (String) -> Void) async throws -> [Row] {
        var rows: [Row] = []
        let assembler = PromptAssembler(exampleTokenBudget: 1_000_000)
        for (author, texts) in try loadAuthors() {
            progress("inferring hypotheses for \(author) (\(texts.count) texts)")
            let profile = UserProfile(id: author, texts: texts)
            // The embedded model needs its grammar constraints; the token count does not depend on them.
            let configuration = InferenceConfiguration(hypothesisCount: 8, maxTokens: 1200, smallModelConstraints: true)
            let (set, _) = try await HypothesisInferencer(model: model, configuration: configuration).infer(profile)
            let request = "Write an article that starts with the following: The company said on Monday"
            let hyper = try assembler.messages(request: request, profile: profile, hypotheses: set, variant: .hyperalign)
            let few = try assembler.messages(request: request, profile: profile, hypotheses: set, variant: .fewShot)
            let hyperTokens = try await count(hyper, url: tokenizerURL)
            let fewTokens = try await count(few, url: tokenizerURL)
            rows.append(Row(author: author, hypotheses: set.hypotheses.count, hyperalignTokens: hyperTokens,
                            fewShotTokens: fewTokens, ratio: Double(hyperTokens) / Double(fewTokens)))
        }
        return rows
    }

    /// Tokens of all message contents, counted by llama-server's `/tokenize`.
    func count(_ messages: [ChatMessage], url: String) async throws -> Int {
        var request = HTTPClientRequest(url: url + "/tokenize")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let content = messages.map(\.content).joined(separator: "\n")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["content": content])))
        let response = try await LanguageModelHTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = try await response.body.collect(upTo: 1 << 24)
        let json = try JSONSerialization.jsonObject(with: Data(data.readableBytesView)) as? [String: Any]
        guard let tokens = json?["tokens"] as? [Any] else { throw BenchFailure("llama-server /tokenize gave no tokens") }
        return tokens.count
    }
}
