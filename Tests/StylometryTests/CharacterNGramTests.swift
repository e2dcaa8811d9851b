import Stylometry
import Testing

struct CharacterNGramTests {
    @Test func countsThreeToFiveGramsOfBytes() throws {
        let f = TextFeaturizer().features(of: "abcab")
        // 3 three-grams, 2 four-grams, 1 five-gram
        #expect(f.characterNGrams.total == 6)
        let abc = gram("abc")
        let ab = gram("ab")
        #expect(f.characterNGrams[abc.featureID] == 1)
        #expect(f.characterNGrams[gram("abcab").featureID] == 1)
        #expect(f.characterNGrams[ab.featureID] == 0)
        #expect(NGramKey(featureID: abc.featureID) == abc)
        #expect(abc.text == "abc" && abc.length == 3)
    }

    @Test func collapsesWhitespaceRuns() {
        let a = TextFeaturizer().features(of: "one  two\r\n\tthree")
        let b = TextFeaturizer().features(of: "one two three")
        #expect(a.characterNGrams == b.characterNGrams)
    }

    @Test func repeatedNGramsAccumulate() throws {
        let f = TextFeaturizer(configuration: FeatureConfiguration(nGramLengths: 3...3)).features(of: "aaaaa")
        #expect(f.characterNGrams[gram("aaa").featureID] == 3)
        #expect(f.characterNGrams.count == 1)
    }

    @Test func keyCounterGrowsAndKeepsCounts() {
        var counter = KeyCounter(expectedKeys: 4)
        for key in 1...10_000 as ClosedRange<UInt64> { counter.add(key, Int32(key % 7)) }
        for key in 1...10_000 as ClosedRange<UInt64> where key % 3 == 0 { counter.add(key) }
        #expect(counter.count == 10_000)
        #expect(counter.count(of: 21) == 0 + 1)
        #expect(counter.count(of: 22) == 1)
        #expect(counter.count(of: 20_001) == 0)
    }

    @Test func vectorsFromCountersAreSortedByFeatureID() {
        var counter = KeyCounter(expectedKeys: 16)
        for key in 1...5_000 as ClosedRange<UInt64> { counter.add(key &* 2_654_435_761) }
        let vector = SparseVector(counts: counter)
        #expect(vector.count == 5_000)
        #expect(zip(vector.keys, vector.keys.dropFirst()).allSatisfy { $0 < $1 })
    }
}
