import Foundation
import LanguageModels
import PostgresStorage
import ProfileStorage
import SQLiteStorage

/// Profile lookups (profile row plus its texts) by id among `userCount` users, one at a time: p50 and p99.
struct ProfileLookupBenchmark {
    var userCount = 1_000_000
    var lookups = 5_000

    struct Result: Sendable, Encodable {
        var store: String
        var users: Int
        var lookups: Int
        var seedSeconds: Double
        var p50Microseconds: Double
        var p99Microseconds: Double
    }

    func sqlite(path: String) async throws -> Result {
        let store = try SQLiteProfileStore(path: path)
        let seed = try await timed { try await store.insertSyntheticProfiles(count: userCount, tenant: "bench") }
        return try await measure(store, name: "sqlite", seedSeconds: seed)
    }

    func postgres(_ configuration: PostgresStoreConfiguration) async throws -> Result {
        let name = "hyperalign_bench_\(UUID().uuidString.prefix(8).lowercased())"
        try await PostgresAdmin.createDatabase(name, using: configuration)
        var fresh = configuration
        fresh.database = name
        let users = userCount
        let result = try await PostgresProfileStore.withStore(fresh) { store in
            let seed = try await timed { try await store.insertSyntheticProfiles(count: users, tenant: "bench") }
            return try await measure(store, name: "postgresql", seedSeconds: seed)
        }
        try? await PostgresAdmin.dropDatabase(name, using: configuration)
        return result
    }

    func measure(_ store: some ProfileStore, name: String, seedSeconds: Double) async throws -> Result {
        var generator = SystemRandomNumberGenerator()
        for index in 0..<200 { _ = try await store.profile("user-\(index * 4_999 % userCount)", tenant: "bench") }  // warm-up
        var samples: [Double] = []
        samples.reserveCapacity(lookups)
        let clock = ContinuousClock()
        for _ in 0..<lookups {
            let id = "user-\(Int.random(in: 0..<userCount, using: &generator))"
            let start = clock.now
            guard try await store.profile(id, tenant: "bench") != nil else {
                throw WrkRun.Failure(description: "\(name): seeded user \(id) not found")
            }
            let elapsed = clock.now - start
            samples.append(elapsed.seconds * 1e6)
        }
        samples.sort()
        return Result(store: name, users: userCount, lookups: lookups, seedSeconds: seedSeconds,
                      p50Microseconds: samples[samples.count / 2], p99Microseconds: samples[samples.count * 99 / 100])
    }

    func timed(_ work: () async throws -> Void) async throws -> Double {
        let elapsed = try await ContinuousClock().measure { try await work() }
        return elapsed.seconds
    }
}
