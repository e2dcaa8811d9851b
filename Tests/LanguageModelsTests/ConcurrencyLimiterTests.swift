import LanguageModels
import Synchronization
import Testing

struct ConcurrencyLimiterTests {
    @Test func neverRunsMoreThanTheLimit() async throws {
        let limiter = ConcurrencyLimiter(limit: 2)
        let state = PeakCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await limiter.withPermit {
                        state.enter()
                        try await Task.sleep(for: .milliseconds(10))
                        state.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(state.peak == 2)
        #expect(await limiter.active == 0)
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        let (gate, open) = AsyncStream<Void>.makeStream()
        let holder = Task { try await limiter.withPermit { for await _ in gate { break } } }
        while await limiter.active == 0 { await Task.yield() }
        let waiter = Task { try await limiter.withPermit { 1 } }
        while await limiter.queued == 0 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await limiter.queued == 0)
        open.yield()
        open.finish()
        try await holder.value
        #expect(try await limiter.withPermit { 2 } == 2)
        #expect(await limiter.active == 0)
    }
}

final class PeakCounter: Sendable {
    private let state = Mutex((running: 0, peak: 0))
    func enter() { state.withLock { $0.running += 1; $0.peak = max($0.peak, $0.running) } }
    func leave() { state.withLock { $0.running -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}
