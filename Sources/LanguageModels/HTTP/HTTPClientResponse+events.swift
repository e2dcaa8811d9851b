import AsyncHTTPClient
import NIOCore

extension HTTPClientResponse.Body {
    /// The body as server-sent events, parsed incrementally as bytes arrive.
    func serverSentEvents() -> AsyncThrowingStream<ServerSentEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var parser = ServerSentEventParser()
                do {
                    for try await buffer in self {
                        for event in parser.feed(buffer.readableBytesView) {
                            continuation.yield(event)
                        }
                    }
                    if let event = parser.finish() { continuation.yield(event) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
