@testable import HyPerAlignService
import HyPerAlign
import Logging
import ProfileStorage
import Synchronization
import Testing

/// What a proxied request reads from the store: nothing while the watched change count stands still, one
/// revision read after it moved (the hypotheses only when the user's revisions changed), and a revision
/// read per request when no poll is trusted.
struct PersonalizerReadTests {
    /// A store of one user, `ann` of `acme`, counting the reads it answers.
    final class CountingReader: PersonalizationReading, PersonalizationChangeCounting {
        struct Reads: Equatable { var revisions = 0, inputs = 0 }
        let reads = Mutex(Reads())
        let revision = Mutex(PersonalizationRevision(hypotheses: 1, profile: 1))

        func personalizationRevision(for userID: String, tenant: TenantID) async throws -> PersonalizationRevision? {
            reads.withLock { $0.revisions += 1 }
            return userID == "ann" ? revision.withLock { $0 } : nil
        }

        func personalizationInputs(for userID: String, tenant: TenantID) async throws -> PersonalizationInputs? {
            reads.withLock { $0.inputs += 1 }
            guard userID == "ann" else { return nil }
            let revision = revision.withLock { $0 }
            var set = HypothesisSet(
                userID: userID,
                hypotheses: [Hypothesis(category: .style, statement: "Revision \(revision.hypotheses).", evidence: [])],
                attributes: InferredAttributes(),
                provenance: HypothesisProvenance(model: "m", promptVersion: "p@1", textsHash: "", textCount: 0))
            set.revision = revision.hypotheses
            return PersonalizationInputs(set: set, attributes: [:], revision: revision)
        }

        func personalizationChangeCount() async throws -> Int { 0 }
        var counted: Reads { reads.withLock { $0 } }
    }

    static func personalizer(_ reader: CountingReader) -> Personalizer {
        // A long poll interval stretches the trust in an observed count to 20 minutes: these tests observe
        // counts by hand, and a loaded machine pausing a loop for a second must not make them untrusted.
        Personalizer(reader: reader, counter: reader, configuration: .init(changePollInterval: .seconds(60)), logger: Logger(label: "test"))
    }

    @Test func anUnchangedStoreIsNotReadAgain() async throws {
        let reader = CountingReader()
        let personalizer = Self.personalizer(reader)
        personalizer.changes.observe(count: 7)
        for _ in 0..<20 {
            #expect(try await personalizer.personalization(for: "ann", tenant: "acme")?.text.contains("Revision 1.") == true)
            #expect(try await personalizer.personalization(for: "bob", tenant: "acme") == nil)  // no set: remembered too
        }
        #expect(reader.counted == .init(revisions: 2, inputs: 1))
    }

    @Test func aMovedCountConfirmsTheRevisionOnceAndRereadsOnlyWhatChanged() async throws {
        let reader = CountingReader()
        let personalizer = Self.personalizer(reader)
        personalizer.changes.observe(count: 7)
        _ = try await personalizer.personalization(for: "ann", tenant: "acme")

        personalizer.changes.observe(count: 8)  // someone else's user changed
        for _ in 0..<5 { _ = try await personalizer.personalization(for: "ann", tenant: "acme") }
        #expect(reader.counted == .init(revisions: 2, inputs: 1))

        reader.revision.withLock { $0.hypotheses = 2 }  // ann's hypotheses changed elsewhere
        personalizer.changes.observe(count: 9)
        for _ in 0..<5 {
            #expect(try await personalizer.personalization(for: "ann", tenant: "acme")?.text.contains("Revision 2.") == true)
        }
        #expect(reader.counted == .init(revisions: 3, inputs: 2))
    }

    @Test func withoutATrustedPollEveryRequestReadsTheRevisions() async throws {
        let reader = CountingReader()
        let personalizer = Self.personalizer(reader)  // never polled
        for _ in 0..<5 { _ = try await personalizer.personalization(for: "ann", tenant: "acme") }
        #expect(reader.counted == .init(revisions: 5, inputs: 1))

        let stale = PersonalizationChanges(trustedFor: .seconds(1))
        stale.observe(count: 1, at: .now - .seconds(2))
        #expect(stale.trustedGeneration() == nil)
    }

    @Test func aChangeThroughTheServiceIsConfirmedAtOnce() async throws {
        let reader = CountingReader()
        let personalizer = Self.personalizer(reader)
        personalizer.changes.observe(count: 7)
        _ = try await personalizer.personalization(for: "ann", tenant: "acme")
        reader.revision.withLock { $0.hypotheses = 2 }
        personalizer.invalidate(user: "ann", tenant: "acme")  // the change count has not been polled since
        #expect(try await personalizer.personalization(for: "ann", tenant: "acme")?.text.contains("Revision 2.") == true)
    }
}
