import LanguageModels
import Synchronization
import Testing

struct ConcurrencyLimiterTests {
    @Test func neverRunsMoreThanTheLimit() async throws {
        let limiter = ConcurrencyLimiter(limit: 2)
        let state = PeakCounter()
        let gate = Gate()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await limiter.withPermit {
                        state.enter()
                        await gate.wait()  // held until the test has seen the limit reached
                        state.leave()
                    }
                }
            }
            // Event-driven, not timed: two inside and eight queued, whatever the machine's speed.
            while true {
                let queued = await limiter.queued
                if state.running == 2, queued == 8 { break }
                await Task.yield()
            }
            #expect(state.running == 2)
            await gate.open()
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
    var running: Int { state.withLock { $0.running } }
}

/// Holds every waiter until it is opened, then lets all (and every later one) through.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}
