import Foundation
import LanguageModels
import Testing

struct RetryPolicyTests {
    @Test func parsesRetryAfterSecondsAndDates() {
        #expect(RetryPolicy.parseRetryAfter("2") == .seconds(2))
        #expect(RetryPolicy.parseRetryAfter("0.5") == .milliseconds(500))
        #expect(RetryPolicy.parseRetryAfter(nil) == nil)
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let later = RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now)
        #expect(later == .seconds(10))
    }

    @Test func honoursRetryAfterButCapsIt() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(5))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(2)) == .seconds(2))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(60)) == .seconds(5))
    }

    @Test func backsOffExponentiallyWithJitter() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .seconds(30))
        for attempt in 1...4 {
            let delay = policy.delay(afterAttempt: attempt, retryAfter: nil)
            let ceiling = Duration.milliseconds(100) * (1 << (attempt - 1))
            #expect(delay <= ceiling)
            #expect(delay >= ceiling / 2)
        }
    }
}
