/// A type-erased chat model, for the places that choose a backend at run time (the CLI, the service).
public struct AnyChatModel: ChatModel {
    public let base: any ChatModel

    public init(_ base: any ChatModel) {
        self.base = base
    }

    public var modelID: ModelID { base.modelID }
    public func complete(_ request: ChatRequest) async throws -> ChatResponse { try await base.complete(request) }
    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> { base.stream(request) }
}
