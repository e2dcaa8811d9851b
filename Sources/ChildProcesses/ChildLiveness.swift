#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Whether a process still runs. A child that exited but is not reaped yet (a zombie) has not, although
/// `kill(pid, 0)` still succeeds for it; on Linux its state in `/proc/PID/stat` tells.
package enum ChildLiveness {
    package static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            return state != "Z" && state != "X"
        }
        return kill(pid, 0) == 0
    }
}
