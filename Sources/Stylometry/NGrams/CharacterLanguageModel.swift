import Foundation

/// A byte-level n-gram language model with interpolated Witten-Bell smoothing: how predictable a text is
/// from a writer's texts. Compared against a second model, it gives the classic likelihood-ratio test of
/// authorship (Teahan & Harper's compression-based attribution works the same way), which cancels what any
/// English text predicts equally well and keeps what is particular to the writer.
public struct CharacterLanguageModel: Sendable {
    /// The longest context, in bytes (at most 7).
    public let order: Int
    private var continuations: [ContextKey: Int] = [:]
    private var contexts: [UInt64: (total: Int, types: Int)] = [:]

    private struct ContextKey: Hashable {
        let context: UInt64
        let next: UInt8
    }

    /// Counts every byte of `texts` after each of its contexts of length 0 to `order`.
    public init(order: Int = 4, texts: [String]) {
        self.order = min(max(order, 0), 7)
        for text in texts {
            let bytes = Array(text.utf8)
            for index in bytes.indices {
                for length in 0...min(self.order, index) {
                    let context = Self.key(bytes, end: index, length: length)
                    let pair = ContextKey(context: context, next: bytes[index])
                    let seen = continuations[pair, default: 0]
                    continuations[pair] = seen + 1
                    var counts = contexts[context] ?? (0, 0)
                    counts.total += 1
                    if seen == 0 { counts.types += 1 }
                    contexts[context] = counts
                }
            }
        }
    }

    /// Mean log₂ probability per byte of `text` (0 for an empty text); higher is more predictable.
    public func meanLogProbability(of text: String) -> Double {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return 0 }
        var sum = 0.0
        for index in bytes.indices { sum += log2(probability(of: bytes[index], in: bytes, at: index)) }
        return sum / Double(bytes.count)
    }

    /// The probability that `next` follows `context` (its last `order` bytes count).
    package func probability(of next: UInt8, after context: [UInt8]) -> Double {
        probability(of: next, in: context + [next], at: context.count)
    }

    /// The probability of `next` at `index` of `bytes`, given the bytes before it.
    private func probability(of next: UInt8, in bytes: [UInt8], at index: Int) -> Double {
        // From the empty context up to the longest: each level mixes its own estimate with the shorter one's.
        var probability = 1.0 / 256
        for length in 0...min(order, index) {
            let context = Self.key(bytes, end: index, length: length)
            guard let counts = contexts[context] else { break }
            let seen = Double(continuations[ContextKey(context: context, next: next)] ?? 0)
            let total = Double(counts.total)
            let weight = total / (total + Double(counts.types))
            probability = weight * seen / total + (1 - weight) * probability
        }
        return probability
    }

    /// The `length` bytes before `end`, packed with their length so contexts of different lengths differ.
    private static func key(_ bytes: [UInt8], end: Int, length: Int) -> UInt64 {
        var key = UInt64(length) << 56
        for offset in 0..<length {
            key |= UInt64(bytes[end - length + offset]) << (8 * UInt64(offset))
        }
        return key
    }
}
