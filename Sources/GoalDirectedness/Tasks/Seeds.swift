import Statistics

/// Seed derivation, so independent streams (heights, noise, agents) never share a sequence.
public enum Seeds {
    /// A well-mixed combination of two seeds.
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
        return generator.next()
    }

    /// A seed from any text (FNV-1a), e.g. a model name.
    public static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
