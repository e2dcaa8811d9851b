import Synchronization

/// A running total of tokens and calls per model, shared by everything that uses a model.
///
/// Reports and the CLI read it to say what a run cost; a lock-protected box, not an actor, so recording
/// never adds a suspension point to a call.
public final class TokenLedger: Sendable {
    public struct Entry: Sendable, Hashable, Codable {
        public var calls: Int = 0
        public var usage = TokenUsage()
    }

    private let entries = Mutex([ModelID: Entry]())

    public init() {}

    public func record(_ usage: TokenUsage, for model: ModelID) {
        entries.withLock { entries in
            entries[model, default: Entry()].calls += 1
            entries[model, default: Entry()].usage = entries[model, default: Entry()].usage + usage
        }
    }

    public var snapshot: [ModelID: Entry] { entries.withLock { $0 } }

    /// All models together.
    public var total: Entry {
        snapshot.values.reduce(into: Entry()) { total, entry in
            total.calls += entry.calls
            total.usage = total.usage + entry.usage
        }
    }
}

/// Wraps a model so each call's token usage lands in a ``TokenLedger``.
public struct MeteredChatModel<Base: ChatModel>: ChatModel {
    public let base: Base
    public let ledger: TokenLedger

    public var modelID: ModelID { base.modelID }

    public init(_ base: Base, ledger: TokenLedger) {
        self.base = base
        self.ledger = ledger
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let response = try await base.complete(request)
        ledger.record(response.usage, for: modelID)
        return response
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> {
        let upstream = base.stream(request)
        let ledger = self.ledger
        let model = modelID
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var usage = TokenUsage()
                    for try await delta in upstream {
                        if let reported = delta.usage { usage = reported }
                        continuation.yield(delta)
                    }
                    ledger.record(usage, for: model)
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
