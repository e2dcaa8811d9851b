import Foundation
import Testing

@testable import HyPerAlign

/// Writing about oneself before any inference, and the one JSON shape of a hypothesis set.
struct HypothesisWritingTests {
    @Test func aPersonWithNoHypothesesCanAddOneAndInferenceLaterMergesWithIt() throws {
        let written = try HypothesisSet.applying(
            [.add(category: .style, statement: "Signs off with an em dash and an initial.", evidence: []),
             .setAttribute(name: .audience, value: "students and colleagues")],
            to: nil, profile: Fixtures.profile)
        #expect(written.hypotheses.map(\.origin) == [.added])
        #expect(written.provenance.isPersonWritten)
        #expect(HypothesisSetDocument(written, profile: Fixtures.profile).stale == false)

        let fresh = HypothesisSet(
            userID: "marta",
            hypotheses: [Hypothesis(category: .communication, statement: "Opens with 'Short version:'.", evidence: ["Short version:"])],
            attributes: InferredAttributes(audience: "colleagues", language: "English", sources: ["audience": .inferred, "language": .measured]),
            provenance: HypothesisProvenance(model: "m", promptVersion: "infer-category@2", textsHash: Fixtures.profile.textsHash, textCount: 3))
        let (merged, report) = HypothesisMerger().merge(previous: written, fresh: fresh)
        #expect(merged.hypotheses.map(\.statement) == ["Signs off with an em dash and an initial.", "Opens with 'Short version:'."])
        #expect(merged.attributes.audience == "students and colleagues")
        #expect(merged.attributes.source(of: .audience) == .person)
        #expect(merged.attributes.language == "English")
        #expect(report.keptUserHypotheses == 1)
        #expect(report.keptPersonAttributes == 1)
        #expect(!merged.provenance.isPersonWritten)
    }

    @Test func theDocumentIsTheSetsFieldsFlatWithStaleness() throws {
        var set = try HypothesisSet.applying(
            [.add(category: .personality, statement: "Values progress over polish.", evidence: [])], to: nil, profile: Fixtures.profile)
        set.revision = 4
        let data = try JSONEncoder().encode(HypothesisSetDocument(set, stale: true))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["userID", "revision", "stale", "hypotheses", "attributes", "provenance", "suppressedStatements"])
        #expect(object["revision"] as? Int == 4)
        let decoded = try JSONDecoder().decode(HypothesisSetDocument.self, from: data)
        #expect(decoded.set == set)
    }

    @Test func aSetStoredBeforeAttributeSourcesExistedStillReads() throws {
        let old = #"{"typicalLengthWords": 80, "register": "informal", "formattingHabits": []}"#
        let attributes = try JSONDecoder().decode(InferredAttributes.self, from: Data(old.utf8))
        #expect(attributes.register == "informal")
        #expect(attributes.sources.isEmpty)
    }
}
