/// An open-addressing count table keyed by non-zero `UInt64`s.
///
/// Counting n-grams and word hashes is the hot loop of featurization; a flat table with a
/// multiplicative hash is several times faster than `Dictionary` with SipHash.
public struct KeyCounter: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var counts: [Int32]
    @usableFromInline var shift: UInt64
    @usableFromInline var occupied = 0

    /// Creates a table sized for about `expectedKeys` distinct keys.
    public init(expectedKeys: Int = 1024) {
        var capacity = 16
        while capacity < expectedKeys * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        counts = Array(repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The multiplier of the table's hash; odd, so `featureID` is a bijection on `UInt64`.
    public static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The modular inverse of `multiplier`, to map feature ids back to keys.
    public static let inverseMultiplier: UInt64 = {
        var x = multiplier
        for _ in 0..<6 { x = x &* (2 &- multiplier &* x) }
        return x
    }()

    /// The id under which `key` appears in a `SparseVector` built from a counter: its hash, whose
    /// order is (almost) the table's slot order.
    @inlinable
    public static func featureID(_ key: UInt64) -> UInt64 { key &* 0x9E37_79B9_7F4A_7C15 }

    /// The key of a feature id (inverse of `featureID`).
    public static func key(ofFeature id: UInt64) -> UInt64 { id &* inverseMultiplier }

    /// The number of distinct keys.
    public var count: Int { occupied }

    /// Adds `amount` to the count of `key` (which must not be 0).
    @inlinable
    public mutating func add(_ key: UInt64, _ amount: Int32 = 1) {
        if (occupied + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = keys.count - 1
        while true {
            let existing = keys[slot]
            if existing == key {
                counts[slot] &+= amount
                return
            }
            if existing == 0 {
                keys[slot] = key
                counts[slot] = amount
                occupied += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds one to the count of each key (none may be 0): the batch form of `add`, for hot loops.
    public mutating func add(contentsOf batch: UnsafeBufferPointer<UInt64>) {
        while (occupied + batch.count) * 2 > keys.count { grow() }
        let shift = shift
        let mask = keys.count - 1
        var occupied = occupied
        keys.withUnsafeMutableBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in batch {
                    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                    while true {
                        let existing = keys[slot]
                        if existing == key {
                            counts[slot] &+= 1
                            break
                        }
                        if existing == 0 {
                            keys[slot] = key
                            counts[slot] = 1
                            occupied += 1
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        self.occupied = occupied
    }

    /// The count of `key`, 0 if absent.
    @inlinable
    public func count(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = keys.count - 1
        while true {
            let existing = keys[slot]
            if existing == key { return Int(counts[slot]) }
            if existing == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` for each key with a non-zero count, in table order.
    @inlinable
    public func forEach(_ body: (UInt64, Int) -> Void) {
        for i in keys.indices where keys[i] != 0 && counts[i] != 0 {
            body(keys[i], Int(counts[i]))
        }
    }

    @usableFromInline
    mutating func grow() {
        let oldKeys = keys
        let oldCounts = counts
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        counts = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        occupied = 0
        for i in oldKeys.indices where oldKeys[i] != 0 {
            add(oldKeys[i], oldCounts[i])
        }
    }
}
