import HyPerAlign
import Testing

struct HypothesisEditingTests {
    func set(_ statements: [String]) -> HypothesisSet {
        HypothesisSet(
            userID: "u",
            hypotheses: statements.map { Hypothesis(category: .style, statement: $0, evidence: ["q"]) },
            attributes: InferredAttributes(),
            provenance: HypothesisProvenance(model: "m", promptVersion: "p@1", textsHash: "h", textCount: 1))
    }

    @Test func editsMarkHypothesesAsTheUsers() throws {
        let original = set(["Uses short sentences.", "Likes lists."])
        let id = original.hypotheses[0].id
        let edited = try original
            .applying(.reword(id: id, statement: "Uses very short sentences."))
            .applying(.add(category: .personality, statement: "Dry humour.", evidence: []))
            .applying(.remove(id: original.hypotheses[1].id))
        #expect(edited.hypotheses.map(\.statement) == ["Uses very short sentences.", "Dry humour."])
        #expect(edited.hypotheses.map(\.origin) == [.edited, .added])
        #expect(edited.suppressedStatements == ["likes lists"])
    }

    @Test func unknownIdsAndEmptyStatementsAreRefused() {
        let original = set(["A."])
        #expect(throws: HypothesisEditError.self) { try original.applying(.remove(id: "h-nope")) }
        #expect(throws: HypothesisEditError.self) { try original.applying(.reword(id: original.hypotheses[0].id, statement: "  ")) }
    }

    @Test func reinferenceKeepsEditsAndDoesNotResurrectRemovals() throws {
        let original = set(["Uses short sentences.", "Likes lists.", "Formal."])
        let edited = try original
            .applying(.reword(id: original.hypotheses[0].id, statement: "Uses very short sentences."))
            .applying(.remove(id: original.hypotheses[1].id))
            .applying(.add(category: .communication, statement: "Asks direct questions.", evidence: []))
        let fresh = set(["Likes lists!", "Writes about rivers.", "Asks direct questions."])
        let (merged, report) = HypothesisMerger().merge(previous: edited, fresh: fresh)
        #expect(merged.hypotheses.map(\.statement) == ["Uses very short sentences.", "Asks direct questions.", "Writes about rivers."])
        #expect(merged.hypotheses.filter(\.isUserAuthored).count == 2)
        #expect(report.keptUserHypotheses == 2)
        #expect(report.suppressed == 2)
        #expect(report.replacedInferred == 1)
        #expect(merged.suppressedStatements == edited.suppressedStatements)
    }
}
