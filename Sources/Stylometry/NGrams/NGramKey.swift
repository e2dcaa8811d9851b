/// A character n-gram of up to seven UTF-8 bytes packed losslessly into one integer.
///
/// Packing instead of hashing means no collisions and no `String` per n-gram; the top byte holds the length.
public struct NGramKey: Sendable, Hashable, Comparable {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Packs the last `length` bytes of `window` (most recent byte lowest).
    @inlinable
    public init(window: UInt64, length: Int) {
        let mask: UInt64 = length >= 8 ? .max : (1 << UInt64(8 * length)) - 1
        rawValue = (UInt64(length) << 56) | (window & mask)
    }

    /// Packs the UTF-8 bytes of a short string (at most seven bytes).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard (1...7).contains(bytes.count) else { return nil }
        var window: UInt64 = 0
        for byte in bytes { window = (window << 8) | UInt64(byte) }
        self.init(window: window, length: bytes.count)
    }

    /// The key of a `SparseVector` feature id (see `KeyCounter.featureID(_:)`).
    public init(featureID: UInt64) {
        rawValue = KeyCounter.key(ofFeature: featureID)
    }

    /// The id under which this n-gram is stored in `TextFeatures.characterNGrams`.
    public var featureID: UInt64 { KeyCounter.featureID(rawValue) }

    /// The n-gram length in bytes.
    public var length: Int { Int(rawValue >> 56) }

    /// The n-gram's bytes decoded as UTF-8 (lossy for n-grams that cut a multi-byte character).
    public var text: String {
        let n = length
        let bytes = (0..<n).map { UInt8(truncatingIfNeeded: rawValue >> UInt64(8 * (n - 1 - $0))) }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: NGramKey, rhs: NGramKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
