#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's CPU time, user and system apart, and its context switches (all threads), for the
/// cost of requests served in-process: system time and switches show thread wake-ups and system calls.
struct ProcessCPUTime: Sendable {
    var userMicroseconds: Double
    var systemMicroseconds: Double
    var contextSwitches: Int

    var microseconds: Double { userMicroseconds + systemMicroseconds }

    /// The process's totals so far.
    static var now: ProcessCPUTime {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return ProcessCPUTime(
            userMicroseconds: Double(usage.ru_utime.tv_sec) * 1e6 + Double(usage.ru_utime.tv_usec),
            systemMicroseconds: Double(usage.ru_stime.tv_sec) * 1e6 + Double(usage.ru_stime.tv_usec),
            contextSwitches: usage.ru_nvcsw + usage.ru_nivcsw)
    }

    static func - (after: ProcessCPUTime, before: ProcessCPUTime) -> ProcessCPUTime {
        ProcessCPUTime(
            userMicroseconds: after.userMicroseconds - before.userMicroseconds,
            systemMicroseconds: after.systemMicroseconds - before.systemMicroseconds,
            contextSwitches: after.contextSwitches - before.contextSwitches)
    }
}
