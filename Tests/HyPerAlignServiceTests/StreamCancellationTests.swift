import AsyncHTTPClient
import Foundation
import HyPerAlignService
import LanguageModels
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

/// A client that hangs up mid-stream stops the upstream generation (nothing keeps burning tokens).
struct StreamCancellationTests {
    /// Streams a delta every 20 ms for up to 10 s, and records when its consumer goes away.
    final class EndlessModel: ChatModel {
        let modelID: ModelID = "endless"
        let terminated = Mutex(false)

        func complete(_ request: ChatRequest) async throws -> ChatResponse {
            ChatResponse(text: "x", finishReason: .stop, usage: .init(), latency: .zero, model: modelID)
        }

        func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> {
            AsyncThrowingStream { continuation in
                let task = Task {
                    for index in 0..<500 {
                        continuation.yield(ChatDelta(text: "word\(index) "))
                        try? await Task.sleep(for: .milliseconds(20))
                        if Task.isCancelled { return }
                    }
                    continuation.finish()
                }
                continuation.onTermination = { _ in
                    self.terminated.withLock { $0 = true }
                    task.cancel()
                }
            }
        }
    }

    @Test func aClientHangingUpStopsTheUpstreamStream() async throws {
        let model = EndlessModel()
        try await ServiceHarness.run(model: model) { harness in
            let port = harness.port
            let key = harness.keyA
            let reader = Task {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/chat/completions")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(key)")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(string: #"{"model": "m", "stream": true, "messages": [{"role": "user", "content": "go"}]}"#))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                var received = 0
                for try await chunk in response.body {
                    received += chunk.readableBytes
                    if received > 500 { return received }
                }
                return received
            }
            #expect(try await reader.value > 500)
            // Leaving the body loop early closes the connection; the service must let go of the upstream.
            for _ in 0..<100 where !model.terminated.withLock({ $0 }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(model.terminated.withLock { $0 })
        }
    }
}
