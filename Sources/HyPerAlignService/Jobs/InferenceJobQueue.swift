import Foundation
import HyPerAlign
import LanguageModels
import Logging
import ProfileStorage
import ServiceLifecycle
import Synchronization

/// Runs re-inference jobs in the background, a few at a time, as a long-running `Service` beside the HTTP
/// server: jobs are child tasks of ``run()``, so a graceful shutdown lets running jobs finish and cancels
/// nothing half-saved. Job status lives in this process (a replica answers for the jobs it accepted).
public final class InferenceJobQueue: Service, Sendable {
    let store: any ServiceStore
    let model: AnyChatModel
    let configuration: ServiceConfiguration
    let metrics: ServiceMetrics
    let logger: Logger
    let jobs = Mutex([String: InferenceJob]())
    let pending: AsyncStream<InferenceJob>
    let submit: AsyncStream<InferenceJob>.Continuation

    init(store: any ServiceStore, model: AnyChatModel, configuration: ServiceConfiguration, metrics: ServiceMetrics, logger: Logger) {
        self.store = store
        self.model = model
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
        (pending, submit) = AsyncStream.makeStream(of: InferenceJob.self)
    }

    /// Queues a job for `userID`; its status is readable at once.
    func enqueue(userID: String, tenant: TenantID) -> InferenceJob {
        let job = InferenceJob(id: "job_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased(),
                               userID: userID, tenant: tenant)
        jobs.withLock { $0[job.id] = job }
        submit.yield(job)
        return job
    }

    /// A job of `tenant`; another tenant's job is reported as absent.
    func job(_ id: String, tenant: TenantID) -> InferenceJob? {
        jobs.withLock { $0[id] }.flatMap { $0.tenant == tenant ? $0 : nil }
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            var running = 0
            let (finished, finishedContinuation) = AsyncStream.makeStream(of: Void.self)
            var finishedIterator = finished.makeAsyncIterator()
            for await job in pending.cancelOnGracefulShutdown() {
                if running >= configuration.maxConcurrentJobs {
                    await finishedIterator.next()
                    running -= 1
                }
                running += 1
                group.addTask {
                    await self.execute(job)
                    finishedContinuation.yield()
                }
            }
        }
    }

    /// Stops accepting jobs (the queue's stream ends); queued ones still run.
    func finish() { submit.finish() }

    func execute(_ job: InferenceJob) async {
        update(job.id) { $0.status = .running }
        do {
            let saved = try await infer(userID: job.userID, tenant: job.tenant)
            update(job.id) {
                $0.status = .succeeded
                $0.hypothesesRevision = saved.revision
                $0.hypothesisCount = saved.hypotheses.count
                $0.finishedAt = Date()
            }
            metrics.job(status: "succeeded")
        } catch {
            let message = ServiceError.translating(error).message
            logger.warning("inference job failed", metadata: ["job": "\(job.id)", "error": "\(error)"])
            update(job.id) {
                $0.status = .failed
                $0.error = error is InferenceError ? "\(error)" : message
                $0.finishedAt = Date()
            }
            metrics.job(status: "failed")
        }
        pruneFinished()
    }

    /// Infers fresh hypotheses and merges them into the stored set, keeping a person's edits; if someone
    /// edited meanwhile, merges into their version instead of overwriting it.
    func infer(userID: String, tenant: TenantID) async throws -> HypothesisSet {
        guard let profile = try await store.profile(userID, tenant: tenant) else { throw StoreError.notFound(user: userID) }
        let inferencer = HypothesisInferencer(model: model, configuration: configuration.inference, logger: logger)
        let (fresh, _) = try await inferencer.infer(profile)
        return try await store.mergeInferredHypotheses(fresh, tenant: tenant).set
    }

    func update(_ id: String, _ change: (inout InferenceJob) -> Void) {
        jobs.withLock { jobs in
            if var job = jobs[id] {
                change(&job)
                jobs[id] = job
            }
        }
    }

    func pruneFinished() {
        let cutoff = Date().addingTimeInterval(-Double(configuration.finishedJobRetention.components.seconds))
        jobs.withLock { jobs in jobs = jobs.filter { ($0.value.finishedAt ?? .distantFuture) > cutoff } }
    }
}
