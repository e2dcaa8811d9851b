import Stylometry
import Testing

struct VerifierTests {
    let featurizer = TextFeaturizer()

    func features(_ author: String, _ count: Int, seed: UInt64) -> [TextFeatures] {
        featurizer.features(of: SyntheticAuthors.texts(by: author, count: count, seed: seed))
    }

    var corpus: [TextFeatures] {
        SyntheticAuthors.styles.keys.sorted().flatMap { features($0, 5, seed: 1_000) }
    }

    @Test func cosineRanksTheTrueAuthorFirst() {
        let cosine = CosineVerifier(model: TFIDFModel(fitting: corpus))
        let annRefs = features("ann", 5, seed: 1)
        let bobRefs = features("bob", 5, seed: 2)
        for candidate in features("ann", 3, seed: 99) {
            #expect(cosine.similarity(candidate: candidate, references: annRefs) > cosine.similarity(candidate: candidate, references: bobRefs))
        }
        let self_ = cosine.similarity(candidate: annRefs[0], references: [annRefs[0]])
        #expect(abs(self_ - 1) < 1e-9)
    }

    @Test func burrowsDeltaIsSmallerForTheTrueAuthor() {
        let delta = BurrowsDelta(fitting: corpus, mostFrequent: 60)
        let annRefs = features("ann", 5, seed: 1)
        let danRefs = features("dan", 5, seed: 3)
        for candidate in features("dan", 3, seed: 77) {
            #expect(delta.distance(candidate: candidate, references: danRefs) < delta.distance(candidate: candidate, references: annRefs))
        }
        #expect(delta.delta([1, -1], [0, 1]) == 1.5)
    }

    @Test func idfDownweightsUbiquitousNGrams() throws {
        let model = TFIDFModel(fitting: corpus)
        // "ket" (from "market") is in nearly every text, "howe" (from "however") only in ann's.
        let common = try #require(model.inverseDocumentFrequency(of: gram("ket")))
        let rarer = try #require(model.inverseDocumentFrequency(of: gram("howe")))
        #expect(rarer > common)
        #expect(model.documentCount == 20)
    }

    @Test func impostorsMethodIsDeterministicAndPrefersTheAuthor() {
        let model = TFIDFModel(fitting: corpus)
        let cosine = CosineVerifier(model: model)
        let verifier = ImpostorsVerifier(rounds: 50, impostorsPerRound: 2, seed: 7)
        let author = verifier.target(cosine.profile(of: features("ann", 5, seed: 1)))
        let impostors = ["bob", "cat", "dan"].map { verifier.target(cosine.profile(of: features($0, 5, seed: 5))) }
        let real = model.weighted(features("ann", 1, seed: 500)[0].characterNGrams)
        let fake = model.weighted(features("cat", 1, seed: 500)[0].characterNGrams)
        let realScore = verifier.score(candidate: real, author: author, impostors: impostors)
        let fakeScore = verifier.score(candidate: fake, author: author, impostors: impostors)
        #expect(realScore.score > 0.9)
        #expect(fakeScore.score < 0.1)
        #expect(realScore == verifier.score(candidate: real, author: author, impostors: impostors))
    }
}
