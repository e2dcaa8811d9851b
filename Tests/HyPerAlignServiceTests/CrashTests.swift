import AsyncHTTPClient
import Foundation
import HyPerAlign
import NIOCore
import NIOHTTP1
import ProfileStorage
import SQLiteStorage
import Testing
import HyPerAlignTesting

/// `kill -9` of a `hyperalign serve` on the default SQLite store while it writes: the file reopens, and
/// every stored hypothesis set is whole (its revision counts exactly the edits it holds).
struct CrashTests {
    @Test func aKilledServerLeavesTheSQLiteStoreConsistent() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)/store.sqlite").path
        let key = try #require(try await ServeProcess.run(["keys", "create", "--tenant", "acme", "--store", "sqlite:\(path)"])
            .split(separator: "\n").first.map(String.init))
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServeProcess.with(store: "sqlite:\(path)", upstream: upstream.baseURL + "/v1") { server in
            let http = ReplicaClient(client: HTTPClient.shared, key: key)
            #expect(try await http.send(.PUT, port: server.port, "/v1/users/ann", #"{"texts": [{"text": "Cheers, Ann."}]}"#) == 201)
            let store = try SQLiteProfileStore(path: path)
            let profile = try #require(try await store.profile("ann", tenant: "acme"))
            _ = try await store.saveHypothesisSet(HypothesisSet(
                userID: "ann", hypotheses: [], attributes: InferredAttributes(),
                provenance: HypothesisProvenance(model: "m", promptVersion: "p", textsHash: profile.textsHash, textCount: 1)),
                tenant: "acme", expectedRevision: 0)
            let writes = Task {
                await withTaskGroup(of: Int.self) { group in
                    for index in 0..<60 {
                        group.addTask {
                            (try? await http.send(.PATCH, port: server.port, "/v1/users/ann/hypotheses",
                                                  #"{"edits": [{"op": "add", "category": "style", "statement": "Edit \#(index)."}]}"#,
                                                  timeout: .seconds(3))) ?? -1
                        }
                    }
                    return await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            try await Task.sleep(for: .milliseconds(40))
            await server.kill()
            let statuses = await writes.value
            let reopened = try SQLiteProfileStore(path: path)
            let set = try #require(try await reopened.hypothesisSet(for: "ann", tenant: "acme"))
            #expect(set.revision == 1 + set.hypotheses.count)
            #expect(set.hypotheses.count >= statuses.filter { $0 == 200 }.count)
            #expect(try await reopened.profile("ann", tenant: "acme")?.texts.count == 1)
            }
        }
    }
}
