import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where log lines go, without a system call on the caller's thread: a line is appended to a buffer
/// (one short lock around a copy) and one background thread writes what has gathered to the file in
/// batches. A request that logs its access line therefore never waits for the disk, a pipe or a
/// terminal, and never for another request's write.
///
/// The buffer is bounded: when the output cannot keep up, new lines are dropped and counted, and the
/// count is written as its own line once the output drains. ``flush()`` writes everything buffered on
/// the calling thread; ``standardError`` is flushed at process exit.
public final class LogSink: Sendable {
    /// Standard error, shared by every handler that writes there (flushed when the process exits).
    public static let standardError: LogSink = {
        let sink = LogSink(fileDescriptor: 2)
        atexit { LogSink.standardError.flush() }
        return sink
    }()

    let fileDescriptor: Int32
    let capacity: Int
    private let pending: Mutex<Pending>
    /// Held while taking and writing a batch, so batches reach the file in the order they were appended.
    private let writing = Mutex(())
    private let wake = DispatchSemaphore(value: 0)

    private struct Pending: ~Copyable {
        var bytes: [UInt8] = []
        var dropped = 0
        /// Whether the writer sleeps on `wake` (then the next append signals it, and only that one).
        var writerIdle = true
    }

    /// A sink writing to `fileDescriptor` (which it never closes), buffering at most `capacity` bytes.
    public init(fileDescriptor: Int32, capacity: Int = 8 << 20) {
        self.fileDescriptor = fileDescriptor
        self.capacity = capacity
        var initial = Pending()
        initial.bytes.reserveCapacity(64 << 10)
        self.pending = Mutex(initial)
        let thread = Thread { [self] in writeForever() }
        thread.start()
    }

    /// Appends one line (which should end in a newline); returns at once.
    public func append(_ line: some Collection<UInt8>) {
        let signal = pending.withLock { pending -> Bool in
            guard pending.bytes.count + line.count <= capacity else {
                pending.dropped += 1
                return false
            }
            pending.bytes.append(contentsOf: line)
            guard pending.writerIdle else { return false }
            pending.writerIdle = false
            return true
        }
        if signal { wake.signal() }
    }

    /// Appends the UTF-8 of `line`.
    public func append(_ line: String) {
        var line = line
        line.withUTF8 { append($0) }
    }

    /// Writes everything appended so far before returning.
    public func flush() {
        writing.withLock { _ in
            while let batch = takeBatch(markIdle: false) { write(batch) }
        }
    }

    private func writeForever() {
        while true {
            wake.wait()
            writing.withLock { _ in
                while let batch = takeBatch(markIdle: true) { write(batch) }
            }
        }
    }

    /// The buffered bytes (a note about dropped lines first), or nil when there are none — then, with
    /// `markIdle`, the writer is marked asleep in the same lock, so no append can go unnoticed.
    private func takeBatch(markIdle: Bool) -> [UInt8]? {
        pending.withLock { pending -> [UInt8]? in
            if pending.bytes.isEmpty, pending.dropped == 0 {
                if markIdle { pending.writerIdle = true }
                return nil
            }
            var batch: [UInt8] = []
            batch.reserveCapacity(Swift.max(pending.bytes.count, 64 << 10))
            swap(&batch, &pending.bytes)
            if pending.dropped > 0 {
                batch.insert(contentsOf: Array("[log] \(pending.dropped) lines dropped: the log output was too slow\n".utf8), at: 0)
                pending.dropped = 0
            }
            return batch
        }
    }

    /// Writes all of `bytes`, retrying short and interrupted writes; other errors drop the batch (a log
    /// that cannot be written has nowhere to report it).
    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Darwin)
                let written = Darwin.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                #else
                let written = Glibc.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                #endif
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
