import AsyncHTTPClient
import Foundation
import HyPerAlign
import NIOCore
import NIOHTTP1
import PostgresStorage
import ProfileStorage
import Testing
import HyPerAlignTesting

/// Two `hyperalign serve` processes on one PostgreSQL: concurrent edits of the same user through both
/// lose nothing, and a replica killed with SIGKILL mid-write leaves the store consistent.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"] != nil
                || ProcessInfo.processInfo.environment["CI"] == "true", "set HYPERALIGN_TEST_POSTGRES_URL (scripts/test does)"))
struct ReplicaTests {
    @Test func twoReplicasOnOnePostgreSQLLoseNoEdit() async throws {
        let base = try #require(ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"],
                                "CI=true needs PostgreSQL: HYPERALIGN_TEST_POSTGRES_URL is not set")
        let name = "hyperalign_replicas_\(UUID().uuidString.prefix(8).lowercased())"
        try await PostgresAdmin.createDatabase(name, using: try PostgresStoreConfiguration(url: base))
        let url = base.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression)
        let key = try #require(try await ServeProcess.run(["keys", "create", "--tenant", "acme", "--store", url])
            .split(separator: "\n").first.map(String.init))

        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1") { first in
            try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1") { second in
            let http = ReplicaClient(client: HTTPClient.shared, key: key)
            #expect(try await http.send(.PUT, port: first.port, "/v1/users/ann", #"{"texts": [{"text": "Cheers, Ann."}]}"#) == 201)
            // Seed an empty set through one replica's store, then edit through both at once.
            try await PostgresProfileStore.withStore(try PostgresStoreConfiguration(url: url)) { store in
                let profile = try #require(try await store.profile("ann", tenant: "acme"))
                _ = try await store.saveHypothesisSet(HypothesisSet(
                    userID: "ann", hypotheses: [], attributes: InferredAttributes(),
                    provenance: HypothesisProvenance(model: "m", promptVersion: "p", textsHash: profile.textsHash, textCount: 1)),
                    tenant: "acme", expectedRevision: 0)
            }
            let perReplica = 15
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<(2 * perReplica) {
                    let port = index.isMultiple(of: 2) ? first.port : second.port
                    group.addTask {
                        try await http.send(.PATCH, port: port, "/v1/users/ann/hypotheses",
                                            #"{"edits": [{"op": "add", "category": "style", "statement": "Edit \#(index)."}]}"#)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses)")
            let set = try await http.hypotheses(port: second.port)
            #expect(set.count == 2 * perReplica)
            #expect(Set(set).count == 2 * perReplica)

            // SIGKILL one replica while both write; every write that landed is whole, none half-done. (A request
            // still waiting for a connection to the dead replica gives up after 3 s.)
            let writes = Task {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<40 {
                        let port = index.isMultiple(of: 2) ? first.port : second.port
                        group.addTask {
                            (try? await http.send(.PATCH, port: port, "/v1/users/ann/hypotheses",
                                                  #"{"edits": [{"op": "add", "category": "style", "statement": "Late \#(index)."}]}"#, timeout: .seconds(3))) ?? -1
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            try await Task.sleep(for: .milliseconds(30))
            await first.kill()
            let late = try await writes.value
            let after = try await http.hypotheses(port: second.port)
            let landed = after.filter { $0.hasPrefix("Late ") }
            // Each acknowledged write is stored; unacknowledged ones are stored whole or not at all.
            #expect(landed.count >= late.filter { $0 == 200 }.count)
            #expect(after.count == 2 * perReplica + landed.count)
            try await PostgresProfileStore.withStore(try PostgresStoreConfiguration(url: url)) { store in
                let stored = try #require(try await store.hypothesisSet(for: "ann", tenant: "acme"))
                #expect(stored.revision == 1 + stored.hypotheses.count)
            }
            #expect(await second.stop() == 0)
            }
            }
        }
    }
}

/// Requests to one replica with the test's key.
struct ReplicaClient: Sendable {
    let client: HTTPClient
    let key: String

    func send(_ method: HTTPMethod, port: Int, _ path: String, _ body: String? = nil, timeout: TimeAmount = .seconds(30))
        async throws -> Int
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: timeout)
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    /// The statements of the user's hypotheses, read through a replica.
    func hypotheses(port: Int) async throws -> [String] {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/users/ann/hypotheses")
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 22)
        let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        let set = json?["set"] as? [String: Any]
        return ((set?["hypotheses"] as? [[String: Any]]) ?? []).compactMap { $0["statement"] as? String }
    }
}
