/// A sparse vector over `UInt64` feature keys, sorted by key.
///
/// Sorted parallel arrays make dot products a linear merge and keep the value type compact and `Sendable`.
public struct SparseVector: Sendable, Hashable {
    public private(set) var keys: [UInt64]
    public private(set) var values: [Double]

    /// An empty vector.
    public init() {
        keys = []
        values = []
    }

    /// Creates a vector from parallel arrays that are already sorted by key without duplicates.
    public init(sortedKeys: [UInt64], values: [Double]) {
        precondition(sortedKeys.count == values.count, "keys and values differ in length")
        keys = sortedKeys
        self.values = values
    }

    /// Creates a vector from the counts of a `KeyCounter`, keyed by `KeyCounter.featureID(_:)` of each key.
    ///
    /// Feature ids are the table's own hash order, so reading the table in slot order is already almost
    /// sorted and an insertion sort finishes the job in near-linear time.
    public init(counts: KeyCounter) {
        var keys: [UInt64] = []
        var values: [Double] = []
        keys.reserveCapacity(counts.count)
        values.reserveCapacity(counts.count)
        counts.forEach {
            keys.append(KeyCounter.featureID($0))
            values.append(Double($1))
        }
        keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                for i in k.indices.dropFirst() where k[i] < k[i - 1] {
                    let key = k[i], value = v[i]
                    var j = i
                    while j > 0 && k[j - 1] > key {
                        k[j] = k[j - 1]
                        v[j] = v[j - 1]
                        j -= 1
                    }
                    k[j] = key
                    v[j] = value
                }
            }
        }
        self.keys = keys
        self.values = values
    }

    /// The number of non-zero entries.
    public var count: Int { keys.count }

    /// The value at `key`, 0 if absent.
    public subscript(key: UInt64) -> Double {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? values[low] : 0
    }

    /// The Euclidean norm.
    public var norm: Double {
        values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The sum of all values.
    public var total: Double { values.reduce(0, +) }
}
