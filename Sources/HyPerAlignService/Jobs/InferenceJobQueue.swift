import Foundation
import HTTPTypes
import HyPerAlign
import LanguageModels
import Logging
import ProfileStorage
import ServiceLifecycle

/// Runs re-inference jobs kept in the store, a few at a time, as a long-running `Service` beside the HTTP
/// server. Jobs live in the store, not here: any replica answers for them, and any replica runs them.
///
/// A replica *claims* a job with a lease (``ServiceConfiguration/jobLease``) and renews it while the job
/// runs; if the replica dies, the lease runs out and another replica (or this one, restarted) takes the
/// job over. On a graceful shutdown the replica stops claiming, gives running jobs
/// ``ServiceConfiguration/jobShutdownGrace`` to finish and hands the rest back to the queue; queued jobs
/// stay queued in the store.
public final class InferenceJobQueue: Service, Sendable {
    let store: any ServiceStore
    let model: AnyChatModel
    let configuration: ServiceConfiguration
    let metrics: ServiceMetrics
    let logger: Logger
    /// This replica's name as a lease holder: random, so a restarted process is a new holder.
    let owner: String
    private let events: AsyncStream<Event>
    private let signal: AsyncStream<Event>.Continuation
    /// Opened when a graceful shutdown's grace period is over: running jobs are handed back.
    private let handBack = Latch()

    /// What wakes the claiming loop.
    enum Event: Sendable {
        /// A job was queued here, or it is time to look for others' (and orphaned) jobs.
        case wake
        /// A job of this replica ended.
        case finished
        case shutdown
        case graceOver
    }

    /// How a job's run ended on this replica.
    enum Ending: Sendable {
        case inferred(HypothesisSet)
        case failed(any Error)
        /// Another replica took the job over (this one could not renew its lease in time).
        case leaseLost
        /// A graceful shutdown ran out of grace.
        case handBack
    }

    init(store: any ServiceStore, model: AnyChatModel, configuration: ServiceConfiguration, metrics: ServiceMetrics, logger: Logger) {
        self.store = store
        self.model = model
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
        self.owner = "replica_" + UUID().uuidString.prefix(8).lowercased()
        (events, signal) = AsyncStream.makeStream(of: Event.self)
    }

    /// Queues a job for `userID`, or returns the user's queued or running job (`created` false).
    /// - Throws: a 429 `job_queue_full` when the tenant has ``ServiceConfiguration/maxQueuedJobsPerTenant``
    ///   queued jobs; store errors.
    func enqueue(userID: String, tenant: TenantID) async throws -> (job: InferenceJob, created: Bool) {
        switch try await store.enqueueJob(
            id: StoredJob.newID(), userID: userID, tenant: tenant, maxQueuedPerTenant: configuration.maxQueuedJobsPerTenant)
        {
        case .created(let job):
            signal.yield(.wake)
            return (InferenceJob(job), true)
        case .existing(let job):
            return (InferenceJob(job), false)
        case .tenantQueueFull(let queued):
            throw ServiceError(
                .tooManyRequests, type: "rate_limit_error", code: "job_queue_full",
                message: "tenant '\(tenant)' already has \(queued) queued inference jobs, the most allowed; retry once some have run",
                headers: [.retryAfter: "5"])
        }
    }

    /// A job of `tenant`, read from the store (so whichever replica accepted it); another tenant's is absent.
    func job(_ id: String, tenant: TenantID) async throws -> InferenceJob? {
        try await store.job(id, tenant: tenant).map(InferenceJob.init)
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await self.work()
        } onGracefulShutdown: {
            self.signal.yield(.shutdown)
        }
    }

    /// The claiming loop: whenever there is a free slot and something may have changed, claim jobs.
    func work() async {
        await withDiscardingTaskGroup { group in
            group.addTask { [signal, interval = configuration.jobPollInterval] in
                while (try? await Task.sleep(for: interval)) != nil { signal.yield(.wake) }
            }
            signal.yield(.wake)
            var running = 0
            var stopping = false
            var lastPrune = ContinuousClock.now - .seconds(3600)
            loop: for await event in events {
                switch event {
                case .finished:
                    running -= 1
                case .shutdown where !stopping:
                    stopping = true
                    logger.info("shutting down: no new jobs; running ones get the grace period", metadata: ["running": "\(running)"])
                    group.addTask { [signal, grace = configuration.jobShutdownGrace] in
                        try? await Task.sleep(for: grace)
                        signal.yield(.graceOver)
                    }
                case .graceOver:
                    handBack.open()
                case .wake, .shutdown:
                    break
                }
                if stopping {
                    if running == 0 { break loop }
                    continue
                }
                while running < configuration.maxConcurrentJobs, let job = await claim() {
                    running += 1
                    group.addTask {
                        await self.execute(job)
                        self.signal.yield(.finished)
                    }
                }
                if ContinuousClock.now - lastPrune > .seconds(60) {
                    lastPrune = .now
                    await prune()
                }
            }
            group.cancelAll()
        }
    }

    func claim() async -> StoredJob? {
        do {
            return try await store.claimJob(owner: owner, lease: configuration.jobLease, maxAttempts: configuration.jobMaxAttempts)
        } catch {
            logger.warning("cannot claim inference jobs", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Runs one claimed job to its end here: its outcome saved, or the job handed back or left to the
    /// replica that took it over.
    func execute(_ job: StoredJob) async {
        let metadata: Logger.Metadata = ["job": "\(job.id)", "attempt": "\(job.attempts)"]
        logger.debug("running inference job", metadata: metadata)
        let ending = await withTaskGroup(of: Ending?.self) { group -> Ending in
            group.addTask {
                do {
                    return .inferred(try await self.infer(userID: job.userID, tenant: job.tenant))
                } catch {
                    return .failed(error)
                }
            }
            group.addTask { await self.keepLease(job.id) }
            group.addTask { [handBack] in
                await handBack.wait()
                return Task.isCancelled ? nil : .handBack
            }
            var ending = Ending.handBack
            while let next = await group.next() {
                if let next {
                    ending = next
                    break
                }
            }
            group.cancelAll()
            return ending
        }
        switch ending {
        case .inferred(let set):
            await record(job, .succeeded(hypothesesRevision: set.revision, hypothesisCount: set.hypotheses.count))
            metrics.job(status: "succeeded")
        case .failed(let error) where error is CancellationError || Task.isCancelled:
            await giveBack(job)
        case .failed(let error):
            logger.warning("inference job failed", metadata: metadata.merging(["error": "\(error)"]) { $1 })
            let message = error is InferenceError ? "\(error)" : ServiceError.translating(error).message
            await record(job, .failed(message))
            metrics.job(status: "failed")
        case .leaseLost:
            logger.warning("lost the lease of an inference job; another replica runs it", metadata: metadata)
        case .handBack:
            await giveBack(job)
        }
    }

    /// Renews the job's lease every third of it; returns `.leaseLost` once another holder has it, nil
    /// when cancelled (the job ended).
    func keepLease(_ id: String) async -> Ending? {
        let lease = configuration.jobLease
        while (try? await Task.sleep(for: lease / 3)) != nil {
            do {
                if try await !store.renewJobLease(id, owner: owner, lease: lease) { return .leaseLost }
            } catch {
                if Task.isCancelled { return nil }
                logger.warning("cannot renew an inference job's lease", metadata: ["job": "\(id)", "error": "\(error)"])
            }
        }
        return nil
    }

    /// Infers fresh hypotheses and merges them into the stored set, keeping a person's edits; if someone
    /// edited meanwhile, merges into their version instead of overwriting it.
    func infer(userID: String, tenant: TenantID) async throws -> HypothesisSet {
        guard let profile = try await store.profile(userID, tenant: tenant) else { throw StoreError.notFound(user: userID) }
        let inferencer = HypothesisInferencer(model: model, configuration: configuration.inference, logger: logger)
        let (fresh, _) = try await inferencer.infer(profile)
        return try await store.mergeInferredHypotheses(fresh, tenant: tenant).set
    }

    /// Saves a job's outcome. Runs outside the job's (possibly cancelled) task so a shutdown cannot
    /// interrupt the write that reports it.
    func record(_ job: StoredJob, _ outcome: JobOutcome) async {
        let (store, owner) = (self.store, self.owner)
        do {
            let saved = try await Task { try await store.finishJob(job.id, owner: owner, outcome: outcome) }.value
            if !saved { logger.warning("an inference job ended after another replica took it over", metadata: ["job": "\(job.id)"]) }
        } catch {
            logger.error("cannot save an inference job's outcome; its lease will expire and it will run again",
                         metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }

    /// Hands a job back to the queue so another replica (or the next start) runs it.
    func giveBack(_ job: StoredJob) async {
        let (store, owner) = (self.store, self.owner)
        do {
            _ = try await Task { try await store.releaseJob(job.id, owner: owner) }.value
            logger.info("handed an inference job back to the queue", metadata: ["job": "\(job.id)"])
        } catch {
            logger.warning("cannot hand an inference job back; it is taken over when its lease expires",
                           metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }

    func prune() async {
        let cutoff = Date().addingTimeInterval(-configuration.finishedJobRetention.seconds)
        do {
            _ = try await store.pruneJobs(finishedBefore: cutoff)
        } catch {
            logger.warning("cannot prune finished inference jobs", metadata: ["error": "\(error)"])
        }
    }
}
