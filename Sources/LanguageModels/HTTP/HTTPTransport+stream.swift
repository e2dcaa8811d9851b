import AsyncHTTPClient

extension HTTPTransport {
    /// A stream of deltas produced by `relay`, with the error mapping and cancellation every provider
    /// needs: a transport failure becomes a ``LanguageModelError``, and a consumer that stops listening
    /// cancels the upstream request.
    ///
    /// - Parameter relay: opens the request and yields its deltas; returning finishes the stream.
    func stream(
        deadline: Duration,
        _ relay: @escaping @Sendable (AsyncThrowingStream<ChatDelta, any Error>.Continuation) async throws -> Void
    ) -> AsyncThrowingStream<ChatDelta, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await relay(continuation)
                    continuation.finish()
                } catch let error as HTTPClientError {
                    continuation.finish(throwing: map(error, timeout: deadline))
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
