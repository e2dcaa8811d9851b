import Foundation
import HTTPTypes
import HyPerAlign
@testable import HyPerAlignService
import LanguageModelsTesting
import ProfileStorage
import SQLiteStorage
import Synchronization
import Testing

/// Inference jobs kept in the store: one per user at a time, a per-tenant cap on queued jobs, jobs handed
/// back on shutdown and taken over after their worker died.
struct JobTests {
    /// A user's text, and an inference answer whose evidence quotes it (at least four words, as checked).
    static let text = "I write short notes to the whole team every Friday. Cheers, Ann."
    static let statement = "Writes short notes to the team and signs off with 'Cheers'."
    static let answer = #"{"hypotheses": [{"category": "style", "statement": "Writes short notes to the team and signs off with 'Cheers'.", "evidence": ["I write short notes to the whole team"]}], "attributes": {}}"#

    @Test func aUsersQueuedJobIsAnsweredAgainAndTheTenantQueueIsCapped() async throws {
        let model = GatedChatModel(reply: Self.answer)
        var configuration = ServiceConfiguration(port: 0, rateLimit: .unlimited, maxConcurrentJobs: 1)
        configuration.maxQueuedJobsPerTenant = 1
        try await ServiceHarness.run(model: model, configuration: configuration) { harness in
            for user in ["ann", "bo", "cy"] { try await harness.createUser(user, texts: [Self.text]) }
            let first = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            #expect(first.status == 202)
            let annJob = try #require(first.json?["id"] as? String)
            try await model.waitUntilStarted()
            // Running: a second request for ann gets the same job.
            let again = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            #expect(again.status == 202)
            #expect(again.json?["id"] as? String == annJob)
            #expect(again.json?["status"] as? String == "running")
            // bo's job waits (one runs at a time); asked twice, it is still one job.
            let bo = try await harness.call(.post, "/v1/users/bo/hypotheses/inference", key: harness.keyA)
            let boJob = try #require(bo.json?["id"] as? String)
            #expect(bo.json?["status"] as? String == "queued")
            #expect(try await harness.call(.post, "/v1/users/bo/hypotheses/inference", key: harness.keyA).json?["id"] as? String == boJob)
            // The tenant's queue is full: cy is refused with a clear error, another tenant is not.
            let full = try await harness.call(.post, "/v1/users/cy/hypotheses/inference", key: harness.keyA)
            #expect(full.status == 429)
            #expect(full.errorCode == "job_queue_full")
            #expect(full.body.contains("acme"))
            try await harness.createUser("cy", key: harness.keyB, texts: [Self.text])
            #expect(try await harness.call(.post, "/v1/users/cy/hypotheses/inference", key: harness.keyB).status == 202)

            model.open()
            let annDone = try await ResourceTests.waitForJob("/v1/jobs/\(annJob)", harness)
            #expect(annDone["status"] as? String == "succeeded", "\(annDone)")
            #expect(annDone["attempts"] as? Int == 1)
            #expect(try await ResourceTests.waitForJob("/v1/jobs/\(boJob)", harness)["status"] as? String == "succeeded")
            // Room again: cy's job is accepted, and ann may queue a new one.
            #expect(try await harness.call(.post, "/v1/users/cy/hypotheses/inference", key: harness.keyA).status == 202)
            let next = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            #expect(next.json?["id"] as? String != annJob)
        }
    }

    /// A graceful shutdown hands its running job back and leaves queued ones queued; the next start (on the
    /// same SQLite file) runs both. Nothing is dropped.
    @Test func aShutdownHandsJobsBackAndTheNextStartRunsThem() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)/s.sqlite").path
        let store = try SQLiteProfileStore(path: path)
        var configuration = ServiceConfiguration(port: 0, rateLimit: .unlimited, maxConcurrentJobs: 1)
        configuration.jobShutdownGrace = .milliseconds(100)
        configuration.jobPollInterval = .milliseconds(50)
        let stuck = GatedChatModel(reply: Self.answer)
        let box = IDBox()
        try await ServiceHarness.run(model: stuck, store: store, configuration: configuration) { harness in
            try await harness.createUser("ann", texts: [Self.text])
            try await harness.createUser("bo", texts: [Self.text])
            let ann = try #require(try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA).json?["id"] as? String)
            try await stuck.waitUntilStarted()
            let bo = try #require(try await harness.call(.post, "/v1/users/bo/hypotheses/inference", key: harness.keyA).json?["id"] as? String)
            box.ids.withLock { $0 = [ann, bo] }
        }
        let ids = box.ids.withLock { $0 }
        try #require(ids.count == 2)
        // After the shutdown: the running job is queued again, the queued one untouched.
        let handedBack = try #require(try await store.job(ids[0], tenant: "acme"))
        #expect(handedBack.status == .queued)
        #expect(handedBack.attempts == 1)
        #expect(handedBack.leaseOwner == nil)
        #expect(try await store.job(ids[1], tenant: "acme")?.status == .queued)

        let answering = ScriptedChatModel(steps: [], fallback: .reply(Self.answer))
        try await ServiceHarness.run(model: answering, store: store, configuration: configuration) { harness in
            for (id, attempts) in zip(ids, [2, 1]) {
                let finished = try await ResourceTests.waitForJob("/v1/jobs/\(id)", harness)
                #expect(finished["status"] as? String == "succeeded", "\(finished)")
                #expect(finished["attempts"] as? Int == attempts)
            }
        }
        #expect(try await store.hypothesisSet(for: "bo", tenant: "acme") != nil)
    }

    /// A job whose worker died mid-run (its lease lapsed) is taken over and finished.
    @Test func aJobWhoseWorkerDiedIsTakenOver() async throws {
        let store = InMemoryProfileStore()
        var configuration = ServiceConfiguration(port: 0, rateLimit: .unlimited)
        configuration.jobPollInterval = .milliseconds(50)
        let model = ScriptedChatModel(steps: [], fallback: .reply(Self.answer))
        _ = try await store.saveProfile(UserProfile(id: "ann", texts: [UserText(id: "t1", text: Self.text)]), tenant: "acme")
        guard case .created(let job) = await store.enqueueJob(id: StoredJob.newID(), userID: "ann", tenant: "acme", maxQueuedPerTenant: 10)
        else { Issue.record("the job must be queued"); return }
        // A worker that claimed it and died at once: its lease is already over.
        #expect(await store.claimJob(owner: "dead-replica", lease: .zero, maxAttempts: 5)?.id == job.id)
        try await ServiceHarness.run(model: model, store: store, configuration: configuration) { harness in
            let finished = try await ResourceTests.waitForJob("/v1/jobs/\(job.id)", harness)
            #expect(finished["status"] as? String == "succeeded", "\(finished)")
            #expect(finished["attempts"] as? Int == 2)
        }
    }
}

/// Job ids carried out of a harness run.
final class IDBox: Sendable {
    let ids = Mutex<[String]>([])
}
