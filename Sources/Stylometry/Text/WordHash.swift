/// FNV-1a hashing of lowercase words, so word identity is tracked without allocating strings.
public enum WordHash {
    public static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Extends a running hash by one byte.
    @inlinable
    public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash of a string's UTF-8 bytes (callers lowercase first when they want case-insensitivity).
    public static func hash(_ word: String) -> UInt64 {
        var h = offset
        for byte in word.utf8 { h = step(h, byte) }
        return h == 0 ? 1 : h
    }
}
