import AsyncHTTPClient
import Foundation
import HyPerAlign
import NIOCore
import NIOHTTP1
import ProfileStorage
import SQLiteStorage
import Synchronization
import Testing
import HyPerAlignTesting

/// `kill -9` of a `hyperalign serve` on the default SQLite store while it writes: the file reopens, every
/// stored hypothesis set is whole (its revision counts exactly the edits it holds), and every write the
/// server acknowledged before it died is there. The kill waits for a first acknowledged write, so the
/// test cannot pass with nothing to check.
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
            // Writes run until the kill; the kill waits for at least one acknowledged write, so the check
            // below always has something to find.
            let acknowledged = AcknowledgedWrites()
            let writes = Task {
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<60 {
                        group.addTask {
                            let status = (try? await http.send(
                                .PATCH, port: server.port, "/v1/users/ann/hypotheses",
                                #"{"edits": [{"op": "add", "category": "style", "statement": "Edit \#(index)."}]}"#,
                                timeout: .seconds(3))) ?? -1
                            if status == 200 { acknowledged.add("Edit \(index).") }
                        }
                    }
                }
            }
            try await acknowledged.waitForAtLeast(1)
            await server.kill()
            await writes.value
            let reopened = try SQLiteProfileStore(path: path)
            let set = try #require(try await reopened.hypothesisSet(for: "ann", tenant: "acme"))
            #expect(set.revision == 1 + set.hypotheses.count)
            let confirmed = acknowledged.all
            #expect(!confirmed.isEmpty)
            #expect(confirmed.isSubset(of: Set(set.hypotheses.map(\.statement))), "acknowledged edits are missing")
            #expect(try await reopened.profile("ann", tenant: "acme")?.texts.count == 1)
            }
        }
    }

    @Test func everyAcknowledgedAppendSurvivesAKill() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)/store.sqlite").path
        let key = try #require(try await ServeProcess.run(["keys", "create", "--tenant", "acme", "--store", "sqlite:\(path)"])
            .split(separator: "\n").first.map(String.init))
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServeProcess.with(store: "sqlite:\(path)", upstream: upstream.baseURL + "/v1", options: ["--max-texts": "1000"]) { server in
                let http = ReplicaClient(client: HTTPClient.shared, key: key)
                #expect(try await http.send(.PUT, port: server.port, "/v1/users/ann", #"{"texts": [{"text": "Cheers, Ann."}]}"#) == 201)
                let acknowledged = AcknowledgedWrites()
                let writes = Task {
                    await withTaskGroup(of: Void.self) { group in
                        for index in 0..<80 {
                            group.addTask {
                                let status = (try? await http.send(
                                    .POST, port: server.port, "/v1/users/ann/texts",
                                    #"{"texts": [{"text": "Appended \#(index)."}]}"#, timeout: .seconds(3))) ?? -1
                                if status == 200 { acknowledged.add("Appended \(index).") }
                            }
                        }
                    }
                }
                try await acknowledged.waitForAtLeast(1)
                await server.kill()
                await writes.value
                let profile = try #require(try await SQLiteProfileStore(path: path).profile("ann", tenant: "acme"))
                let confirmed = acknowledged.all
                #expect(!confirmed.isEmpty)
                #expect(confirmed.isSubset(of: Set(profile.texts.map(\.text))), "acknowledged appends are missing")
                #expect(Set(profile.texts.map(\.id)).count == profile.texts.count, "an id was handed out twice")
                #expect(profile.revision == profile.texts.count)
            }
        }
    }
}

/// The writes a server acknowledged (answered 2xx), recorded as the answers arrive.
final class AcknowledgedWrites: Sendable {
    private let writes = Mutex(Set<String>())

    func add(_ write: String) { writes.withLock { _ = $0.insert(write) } }

    var all: Set<String> { writes.withLock { $0 } }

    /// Waits (bounded) until `count` writes were acknowledged; a server that acknowledges nothing fails the test.
    func waitForAtLeast(_ count: Int) async throws {
        for _ in 0..<600 where all.count < count { try await Task.sleep(for: .milliseconds(10)) }
        guard all.count >= count else {
            throw ServiceHarness.HarnessError(message: "no write was acknowledged before the kill")
        }
    }
}
