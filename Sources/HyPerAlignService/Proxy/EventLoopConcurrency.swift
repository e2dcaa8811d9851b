import NIOCore
import NIOPosix
import Synchronization

/// Runs Swift concurrency's global executor on SwiftNIO's event loops (`MultiThreadedEventLoopGroup.singleton`),
/// the threads that already do the service's and the upstream client's I/O.
///
/// Without it a proxied request changes threads at every `await` that crosses between the two pools:
/// the request arrives on an event loop, its handler runs on the cooperative pool, the upstream call
/// goes back to an event loop, its answer comes back to the pool, the response goes out on an event
/// loop — each hop a thread wake-up that costs CPU and adds latency. With it, a request's work mostly
/// stays on the event loop it arrived on (1.8 instead of 4.7 context switches per proxied request), but
/// on idle cores it did not lower the added p50 and doubled the p99 (README, "Throughput"), since any
/// slow step then holds up every connection of its loop; so it is opt-in (`serve --event-loop-executor`,
/// `hyperalign-bench service --event-loop-executor`). Call it once, first thing in the process.
public enum EventLoopConcurrency {
    private static let installed = Atomic(false)

    /// Installs the hook; false when it could not be (an unsupported runtime, or already installed).
    @discardableResult
    public static func install() -> Bool {
        guard !installed.exchange(true, ordering: .relaxed) else { return false }
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
