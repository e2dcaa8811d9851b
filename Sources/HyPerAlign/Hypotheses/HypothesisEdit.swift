import Foundation

/// A change a person makes to a hypothesis set. Edited and added hypotheses are marked as theirs and
/// survive re-inference; removed inferred ones are remembered so re-inference does not bring them back;
/// attributes they set (or clear, with a nil value) are kept by re-inference too.
public enum HypothesisEdit: Sendable, Hashable, Codable {
    case add(category: Hypothesis.Category, statement: String, evidence: [String])
    case reword(id: String, statement: String)
    case recategorize(id: String, category: Hypothesis.Category)
    case remove(id: String)
    case setAttribute(name: AttributeName, value: String?)
}

/// An edit that cannot apply, e.g. an unknown id.
public struct HypothesisEditError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension HypothesisSet {
    /// Applies `edit`, returning the changed set.
    public func applying(_ edit: HypothesisEdit) throws -> HypothesisSet {
        var copy = self
        func index(_ id: String) throws -> Int {
            guard let index = copy.hypotheses.firstIndex(where: { $0.id == id }) else {
                let known = copy.hypotheses.map(\.id).joined(separator: ", ")
                throw HypothesisEditError(message: "no hypothesis with id '\(id)' for user '\(userID)' (ids: \(known))")
            }
            return index
        }
        func requireText(_ statement: String) throws -> String {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw HypothesisEditError(message: "a statement cannot be empty") }
            return trimmed
        }
        switch edit {
        case .add(let category, let statement, let evidence):
            copy.hypotheses.append(
                Hypothesis(category: category, statement: try requireText(statement), evidence: evidence, origin: .added))
        case .reword(let id, let statement):
            let i = try index(id)
            copy.hypotheses[i].statement = try requireText(statement)
            if copy.hypotheses[i].origin == .inferred { copy.hypotheses[i].origin = .edited }
        case .recategorize(let id, let category):
            let i = try index(id)
            copy.hypotheses[i].category = category
            if copy.hypotheses[i].origin == .inferred { copy.hypotheses[i].origin = .edited }
        case .remove(let id):
            let removed = copy.hypotheses.remove(at: try index(id))
            if removed.origin != .added {
                copy.suppressedStatements.append(StatementKey.normalize(removed.statement))
            }
        case .setAttribute(let name, let value):
            copy.attributes.set(name, try PersonAttributeValue.check(value, for: name))
            copy.attributes.sources[name.rawValue] = .person
        }
        return copy
    }

    /// Applies `edits` in order to `current`, or — for a person with no hypotheses yet — to an empty set of
    /// their own, so a person can write about themselves before (or instead of) any inference.
    public static func applying(
        _ edits: [HypothesisEdit], to current: HypothesisSet?, profile: UserProfile
    ) throws -> HypothesisSet {
        try edits.reduce(current ?? .empty(for: profile)) { try $0.applying($1) }
    }

    /// A set with nothing in it yet, for `profile`: written by the person, not stale for its texts.
    public static func empty(for profile: UserProfile) -> HypothesisSet {
        HypothesisSet(
            userID: profile.id, hypotheses: [], attributes: InferredAttributes(),
            provenance: HypothesisProvenance(
                model: "none", promptVersion: HypothesisProvenance.personWritten, textsHash: profile.textsHash,
                textCount: profile.texts.count))
    }
}
