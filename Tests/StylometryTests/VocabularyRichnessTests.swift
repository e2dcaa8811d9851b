import Stylometry
import Testing

struct VocabularyRichnessTests {
    @Test func handComputedMeasures() {
        // a b a c: N = 4, V = 3, hapax = 2, Σc² = 4 + 1 + 1 = 6, K = 10⁴ (6 − 4) / 16 = 1250
        let v = TextFeaturizer().features(of: "a b A c").vocabulary
        #expect(v.tokens == 4)
        #expect(v.types == 3)
        #expect(v.hapaxLegomena == 2)
        #expect(v.typeTokenRatio == 0.75)
        #expect(abs(v.hapaxRatio - 2.0 / 3) < 1e-12)
        #expect(abs(v.yulesK - 1250) < 1e-9)
    }

    @Test func movingAverageTypeTokenRatio() {
        let words = ["a", "b", "a", "c"].map(WordHash.hash)
        // windows of 3: {a,b,a} → 2, {b,a,c} → 3; mean (2 + 3) / 2 / 3
        #expect(abs(VocabularyRichness(wordHashes: words, window: 3).mattr - 5.0 / 6) < 1e-12)
        // windows of 2 all have 2 distinct words
        #expect(VocabularyRichness(wordHashes: words, window: 2).mattr == 1)
        // shorter than the window: plain TTR
        #expect(VocabularyRichness(wordHashes: words, window: 50).mattr == 0.75)
    }

    @Test func lengthDistribution() {
        let d = LengthDistribution([10, 20, 30, 40])
        #expect(d.count == 4)
        #expect(d.mean == 25)
        #expect(d.median == 25)
        #expect(abs(d.p10 - 13) < 1e-12)
        #expect(LengthDistribution([]).median.isNaN)
    }
}
