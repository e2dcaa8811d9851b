@testable import HyPerAlignService
import Testing

struct TokenBucketTests {
    @Test func allowsABurstThenRefillsAtTheRate() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(rate: 2, capacity: 3, now: start)
        #expect((0..<3).map { _ in bucket.take(now: start) } == [.allow, .allow, .allow])
        guard case .deny(let retryAfter) = bucket.take(now: start) else {
            Issue.record("a fourth request in the same instant must be refused")
            return
        }
        #expect(abs(retryAfter - 0.5) < 0.001)
        #expect(bucket.take(now: start + .milliseconds(500)) == .allow)
        #expect(bucket.take(now: start + .milliseconds(600)) != .allow)
        // Refill stops at the capacity however long the key was idle.
        let later = start + .seconds(60)
        #expect((0..<3).map { _ in bucket.take(now: later) } == [.allow, .allow, .allow])
        #expect(bucket.take(now: later) != .allow)
    }
}
