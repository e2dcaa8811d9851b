import Synchronization

/// Finished records by key, shared by the tasks of a run (a lock-protected box).
final class KeyedRecords<Record: Sendable>: Sendable {
    private let records: Mutex<[String: Record]>

    init(_ initial: [String: Record] = [:]) {
        records = Mutex(initial)
    }

    subscript(key: String) -> Record? { records.withLock { $0[key] } }

    func insert(_ record: Record, for key: String) {
        records.withLock { $0[key] = record }
    }

    var snapshot: [String: Record] { records.withLock { $0 } }
}
