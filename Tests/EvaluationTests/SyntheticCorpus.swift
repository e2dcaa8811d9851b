import AuthorshipData
import Foundation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Synchronization

/// A small corpus of three authors with clearly different habits, and a scripted model that answers
/// every kind of request the benchmark makes.
enum SyntheticCorpus {
    static let corpus: AuthorshipCorpus = {
        let styles: [(String, (Int) -> String)] = [
            ("ann", { i in "Short version: the shipment \(i) is late. We will fix it; we always do. The team meets at noon.\n\n— A." }),
            ("bob", { i in "well i think the report \(i) looks fine, honestly, but who knows?? we'll see tomorrow lol" }),
            ("cy", { i in "Pursuant to the board's resolution number \(i), the committee hereby confirms its earlier decision regarding the annual budget allocation." }),
        ]
        return AuthorshipCorpus(dataset: .ccat50, authors: styles.map { name, write in
            AuthorData(
                author: name, trainingTexts: (0..<7).map(write),
                testItems: (0..<3).map { TestItem(id: "syn/\(name)/\($0)", prompt: "Write about item \($0).", realOutput: write(100 + $0)) },
                otherTexts: (10..<14).map(write))
        })
    }()

    /// An answer for each request shape: hypotheses JSON, a judge verdict, or a candidate text.
    static func answer(_ request: ChatRequest) -> String {
        if case .jsonSchema(let name, _) = request.responseFormat {
            if name == "hypotheses" {
                let quote = evidence(in: request)
                return #"{"hypotheses": [{"category": "style", "statement": "The person writes short, plain sentences about work.", "evidence": ["\#(quote)"], "confidence": 0.8}, {"category": "communication", "statement": "They get straight to the point.", "evidence": ["\#(quote)"], "confidence": null}, {"category": "personality", "statement": "They sound sure of the outcome.", "evidence": ["\#(quote)"], "confidence": 0.5}], "attributes": {"register": "informal"}}"#
            }
            // A judge that prefers the candidate containing "Short version".
            let user = request.messages.last?.content ?? ""
            let a = user.range(of: "<candidate name=\"A\">").map { user[$0.upperBound...] } ?? ""
            let firstCandidate = a.components(separatedBy: "<candidate name=\"B\">").first ?? ""
            return firstCandidate.contains("Short version") ? #"{"answer": "A"}"# : #"{"answer": "B"}"#
        }
        // Personalized: the system turn carries the inferred hypotheses (whatever the template's wording).
        let isPersonalized = request.messages.contains { $0.role == .system && $0.content.contains("straight to the point") }
        return isPersonalized ? "Short version: done. We fix it; we always do.\n\n— A." : "Here is a generic answer about the item."
    }

    /// A quote that occurs in the texts of an inference request.
    static func evidence(in request: ChatRequest) -> String {
        let text = request.messages.map(\.content).joined()
        for candidate in ["We will fix it; we always do.", "honestly, but who knows", "the committee hereby confirms"] where text.contains(candidate) {
            return candidate
        }
        return "no quote"
    }
}

/// Counts calls that reach it, answering with ``SyntheticCorpus/answer(_:)``; can fail after a number of calls.
final class CountingModel: ChatModel {
    let modelID: ModelID = "synthetic"
    private let calls = Mutex(0)
    private let failAfter: Int?

    init(failAfter: Int? = nil) {
        self.failAfter = failAfter
    }

    var count: Int { calls.withLock { $0 } }

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let number = calls.withLock { value -> Int in
            value += 1
            return value
        }
        if let failAfter, number > failAfter { throw SimulatedCrash(call: number) }
        return ChatResponse(text: SyntheticCorpus.answer(request), finishReason: .stop, usage: TokenUsage(), latency: .zero, model: modelID)
    }

    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> { streamByCompleting(request) }
}

/// The model stopped answering, as when the process running the evaluation is killed.
struct SimulatedCrash: Error {
    var call: Int
}
