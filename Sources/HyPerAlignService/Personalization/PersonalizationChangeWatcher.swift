import Logging
import ProfileStorage
import ServiceLifecycle

/// Polls the store's change count off the request path, so a proxied request reads nothing from the store
/// while no user's hypotheses or profile changed. A change made elsewhere (another replica, the CLI)
/// shows within one ``interval``; when polling fails, requests fall back to reading revisions.
struct PersonalizationChangeWatcher: Service {
    let counter: any PersonalizationChangeCounting
    let changes: PersonalizationChanges
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var failing = false
            while !Task.isCancelled {
                do {
                    changes.observe(count: try await counter.personalizationChangeCount())
                    if failing { logger.info("personalization change count readable again") }
                    failing = false
                } catch {
                    if Task.isCancelled { return }
                    if !failing {
                        logger.warning(
                            "cannot read the personalization change count; reading revisions per request",
                            metadata: ["error": "\(error)"])
                    }
                    failing = true
                }
                guard (try? await Task.sleep(for: interval)) != nil else { return }
            }
        }
    }
}
