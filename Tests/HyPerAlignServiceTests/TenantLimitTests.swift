import Foundation
import HTTPTypes
@testable import HyPerAlignService
import LanguageModelsTesting
import ProfileStorage
import Testing

/// Budgets per tenant (not per key), a per-address limit before auth, and what the key cache remembers.
struct TenantLimitTests {
    @Test func aTenantsKeysShareOneBudget() async throws {
        let configuration = ServiceConfiguration(port: 0, rateLimit: .init(requestsPerSecond: 0.001, burst: 3))
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            let second = APIKey.generate()
            try await harness.store.saveAPIKey(APIKeyRecord(key: second, tenant: "acme"))
            #expect(try await harness.call(.get, "/v1/users", key: harness.keyA).status == 200)
            #expect(try await harness.call(.get, "/v1/users", key: second.secret).status == 200)
            #expect(try await harness.call(.get, "/v1/users", key: harness.keyA).status == 200)
            // The tenant's burst is spent, whichever of its keys asks.
            let limited = try await harness.call(.get, "/v1/users", key: second.secret)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limit_exceeded")
            #expect(limited.body.contains("acme"))
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            // Another tenant has a budget of its own.
            #expect(try await harness.call(.get, "/v1/users", key: harness.keyB).status == 200)
        }
    }

    @Test func anAddressIsLimitedBeforeItsKeyIsChecked() async throws {
        var configuration = ServiceConfiguration(port: 0, rateLimit: .unlimited)
        configuration.addressRateLimit = .init(requestsPerSecond: 0.001, burst: 3)
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            for index in 0..<3 {
                #expect(try await harness.call(.get, "/v1/users", key: "hyp_bad\(index)").status == 401)
            }
            // Spent by bad keys: even a good key from this address waits now, and no key is looked up.
            let limited = try await harness.call(.get, "/v1/users", key: harness.keyA)
            #expect(limited.status == 429)
            #expect(limited.body.contains("address"))
            #expect(harness.service.keyCache.counts.negative == 3)
            // Operational routes stay open.
            #expect(try await harness.call(.get, "/health", key: nil).status == 200)
        }
    }

    @Test func anUnknownKeyIsRememberedAsUnknown() async throws {
        var configuration = ServiceConfiguration(port: 0, rateLimit: .unlimited)
        configuration.keyCacheLifetime = .seconds(300)
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            let key = APIKey.generate()
            #expect(try await harness.call(.get, "/v1/users", key: key.secret).status == 401)
            // Stored now, but the service remembers the key as unknown: it does not ask the store again.
            try await harness.store.saveAPIKey(APIKeyRecord(key: key, tenant: "acme"))
            #expect(try await harness.call(.get, "/v1/users", key: key.secret).status == 401)
            // A key never seen before is looked up, and works.
            let fresh = APIKey.generate()
            try await harness.store.saveAPIKey(APIKeyRecord(key: fresh, tenant: "acme"))
            #expect(try await harness.call(.get, "/v1/users", key: fresh.secret).status == 200)
        }
    }

    @Test func aRevokedKeyStopsWithinTheCacheLifetime() async throws {
        var configuration = ServiceConfiguration(port: 0, rateLimit: .unlimited)
        configuration.keyCacheLifetime = .milliseconds(200)
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            #expect(try await harness.call(.get, "/v1/users", key: harness.keyA).status == 200)
            let record = try #require(try await harness.store.apiKey(hash: APIKey.hash(harness.keyA)))
            _ = try #require(try await harness.store.revokeAPIKey(id: record.id))
            var status = 200
            for _ in 0..<100 where status == 200 {
                try await Task.sleep(for: .milliseconds(50))
                status = try await harness.call(.get, "/v1/users", key: harness.keyA).status
            }
            let refused = try await harness.call(.get, "/v1/users", key: harness.keyA)
            #expect(refused.status == 401)
            #expect(refused.body.contains("revoked"))
            #expect(try await harness.call(.get, "/v1/users", key: harness.keyB).status == 200)
        }
    }

    @Test func theKeyCacheIsBounded() {
        let cache = APIKeyCache(lifetime: .seconds(60), negativeLimit: 100, positiveLimit: 10)
        let start = ContinuousClock.now
        for index in 0..<1_000 { cache.remember(.unknown, for: "bad\(index)", now: start + .milliseconds(index)) }
        #expect(cache.counts.negative <= 100)
        // The newest bad keys are the ones kept.
        #expect(cache.entry(for: "bad999", now: start + .seconds(1)) == .unknown)
        #expect(cache.entry(for: "bad0", now: start + .seconds(1)) == nil)
        for index in 0..<50 { cache.remember(.tenant("t"), for: "good\(index)", now: start) }
        #expect(cache.counts.positive <= 10)
        // Entries expire.
        cache.remember(.revoked, for: "old", now: start)
        #expect(cache.entry(for: "old", now: start + .seconds(59)) == .revoked)
        #expect(cache.entry(for: "old", now: start + .seconds(61)) == nil)
    }
}
