import AsyncHTTPClient
import Foundation
import HyPerAlign
import NIOCore
import NIOHTTP1
import PostgresStorage
import ProfileStorage
import Testing
@testable import HyPerAlignService
import HyPerAlignTesting

/// Two `hyperalign serve` processes on one PostgreSQL: concurrent edits of the same user through both
/// lose nothing, a replica killed with SIGKILL mid-write leaves the store consistent and every
/// acknowledged write in it, a job survives the kill of its replica, one tenant's rate limit holds across
/// both, and a revoked key stops working on both.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"] != nil
                || ProcessInfo.processInfo.environment["CI"] == "true", "set HYPERALIGN_TEST_POSTGRES_URL (scripts/test does)"))
struct ReplicaTests {
    /// A fresh database on the test server and its URL.
    static func freshDatabase(_ prefix: String) async throws -> String {
        let base = try #require(ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"],
                                "CI=true needs PostgreSQL: HYPERALIGN_TEST_POSTGRES_URL is not set")
        let name = "hyperalign_\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        try await PostgresAdmin.createDatabase(name, using: try PostgresStoreConfiguration(url: base))
        return base.replacingOccurrences(of: #"/[^/?]*(?=\?|$)"#, with: "/\(name)", options: .regularExpression)
    }

    static func createKey(tenant: String, store url: String) async throws -> String {
        try #require(try await ServeProcess.run(["keys", "create", "--tenant", tenant, "--store", url])
            .split(separator: "\n").first.map(String.init))
    }

    /// The job is running on the first replica (its upstream call hangs) when that replica is killed; the
    /// second takes it over once the lease lapses and finishes it.
    @Test func aJobSurvivesTheKillOfItsReplica() async throws {
        let url = try await Self.freshDatabase("jobs")
        let key = try await Self.createKey(tenant: "acme", store: url)
        let released = Latch()
        // A lease long enough that a loaded machine never lets the first replica's own lease lapse while it
        // lives (a lapse would let it re-claim its job), short enough for the takeover to come within seconds.
        let options = ["--job-lease-seconds": "5", "--job-poll-seconds": "0.2"]
        try await WireTestServer.withServer(handler: { _, _ in
            await released.wait()
            return OpenAIUpstream.completion(JobTests.answer)
        }) { upstream in
            defer { released.open() }
            try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1", options: options) { first in
                let http = ReplicaClient(client: HTTPClient.shared, key: key)
                #expect(try await http.send(.PUT, port: first.port, "/v1/users/ann", #"{"texts": [{"text": "\#(JobTests.text)"}]}"#) == 201)
                let accepted = try await http.json(.POST, port: first.port, "/v1/users/ann/hypotheses/inference")
                let id = try #require(accepted["id"] as? String)
                // Running on the first replica: its request to the upstream is in flight.
                for _ in 0..<400 where upstream.requests.isEmpty { try await Task.sleep(for: .milliseconds(25)) }
                try #require(!upstream.requests.isEmpty, "the first replica never started the job")
                try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1", options: options) { second in
                    // Any replica answers for any job.
                    #expect(try await http.json(.GET, port: second.port, "/v1/jobs/\(id)")["status"] as? String == "running")
                    await first.kill()
                    released.open()
                    var job: [String: Any] = [:]
                    for _ in 0..<600 {
                        job = try await http.json(.GET, port: second.port, "/v1/jobs/\(id)")
                        if job["status"] as? String == "succeeded" || job["status"] as? String == "failed" { break }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    #expect(job["status"] as? String == "succeeded", "\(job)")
                    #expect(job["attempts"] as? Int == 2)
                    let set = try await http.hypotheses(port: second.port)
                    #expect(set.contains(JobTests.statement))
                    #expect(await second.stop() == 0)
                }
            }
        }
    }

    /// One tenant, two keys, two replicas: together they allow the tenant's burst once, not four times.
    @Test func twoReplicasEnforceOneTenantsLimitTogether() async throws {
        let url = try await Self.freshDatabase("limits")
        let keys = [try await Self.createKey(tenant: "acme", store: url), try await Self.createKey(tenant: "acme", store: url)]
        let other = try await Self.createKey(tenant: "globex", store: url)
        let options = ["--rate-limit": "0.001", "--burst": "10"]
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1", options: options) { first in
            try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1", options: options) { second in
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<32 {
                        let http = ReplicaClient(client: HTTPClient.shared, key: keys[index % 2])
                        let port = (index / 2).isMultiple(of: 2) ? first.port : second.port
                        group.addTask { try await http.send(.GET, port: port, "/v1/users") }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.count { $0 == 200 } == 10, "\(statuses)")
                #expect(statuses.count { $0 == 429 } == 22, "\(statuses)")
                // Another tenant still has its whole budget, on either replica.
                #expect(try await ReplicaClient(client: HTTPClient.shared, key: other).send(.GET, port: second.port, "/v1/users") == 200)
            }
            }
        }
    }

    /// `hyperalign keys revoke` against the shared database: both replicas refuse the key within seconds.
    @Test func aRevokedKeyStopsWorkingOnBothReplicas() async throws {
        let url = try await Self.freshDatabase("revoke")
        let key = try await Self.createKey(tenant: "acme", store: url)
        let kept = try await Self.createKey(tenant: "acme", store: url)
        let options = ["--key-cache-seconds": "1"]
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1", options: options) { first in
            try await ServeProcess.with(store: url, upstream: upstream.baseURL + "/v1", options: options) { second in
                let http = ReplicaClient(client: HTTPClient.shared, key: key)
                for port in [first.port, second.port] { #expect(try await http.send(.GET, port: port, "/v1/users") == 200) }
                // The key's id from `keys list`, then revoked by it.
                let listing = try await ServeProcess.run(["keys", "list", "--tenant", "acme", "--json", "--store", url])
                let listed = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]])
                #expect(listed.count == 2)
                let id = APIKeyRecord(key: APIKey(secret: key), tenant: "acme").id
                #expect(listed.contains { $0["id"] as? String == id && $0["revokedAt"] == nil })
                _ = try await ServeProcess.run(["keys", "revoke", id, "--store", url])
                let revokedAt = ContinuousClock.now
                for port in [first.port, second.port] {
                    var status = 200
                    while status == 200, ContinuousClock.now - revokedAt < .seconds(10) {
                        status = try await http.send(.GET, port: port, "/v1/users")
                        if status == 200 { try await Task.sleep(for: .milliseconds(100)) }
                    }
                    #expect(status == 401, "replica on port \(port) still accepts the revoked key")
                    // The tenant's other key still works there.
                    #expect(try await ReplicaClient(client: HTTPClient.shared, key: kept).send(.GET, port: port, "/v1/users") == 200)
                }
            }
            }
        }
    }

    @Test func twoReplicasOnOnePostgreSQLLoseNoEdit() async throws {
        let url = try await Self.freshDatabase("replicas")
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

            // SIGKILL one replica while both write, once at least one write was acknowledged: every
            // acknowledged write is stored, every other one whole or not at all. (A request still waiting
            // for a connection to the dead replica gives up after 3 s.)
            let acknowledged = AcknowledgedWrites()
            let writes = Task {
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<40 {
                        let port = index.isMultiple(of: 2) ? first.port : second.port
                        group.addTask {
                            let status = (try? await http.send(
                                .PATCH, port: port, "/v1/users/ann/hypotheses",
                                #"{"edits": [{"op": "add", "category": "style", "statement": "Late \#(index)."}]}"#,
                                timeout: .seconds(3))) ?? -1
                            if status == 200 { acknowledged.add("Late \(index).") }
                        }
                    }
                }
            }
            try await acknowledged.waitForAtLeast(1)
            await first.kill()
            await writes.value
            let after = try await http.hypotheses(port: second.port)
            let landed = after.filter { $0.hasPrefix("Late ") }
            #expect(!acknowledged.all.isEmpty)
            #expect(acknowledged.all.isSubset(of: Set(landed)), "acknowledged writes are missing")
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

    /// Sends a request and returns its JSON body.
    func json(_ method: HTTPMethod, port: Int, _ path: String) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 22)
        return (try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    /// The statements of the user's hypotheses, read through a replica.
    func hypotheses(port: Int) async throws -> [String] {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/users/ann/hypotheses")
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 22)
        let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        return ((json?["hypotheses"] as? [[String: Any]]) ?? []).compactMap { $0["statement"] as? String }
    }
}
