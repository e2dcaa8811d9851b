import HyPerAlign

/// The body of `PATCH /v1/users/{id}/hypotheses`: edits applied in order, atomically.
///
/// With `revision` (or `If-Match`) the edit applies only to that revision (409 otherwise); without, it is
/// re-applied to the newest set when another writer got there first, so concurrent edits all land.
struct HypothesisEditsBody: Decodable, Sendable {
    var edits: [EditBody]
    var revision: Int?

    struct EditBody: Decodable, Sendable {
        var op: String
        var id: String?
        var statement: String?
        var category: String?
        var evidence: [String]?

        func edit(at index: Int) throws -> HypothesisEdit {
            func need<T>(_ value: T?, _ field: String) throws -> T {
                guard let value else {
                    throw ServiceError.badRequest("edits[\(index)]: '\(op)' needs '\(field)'", param: "edits[\(index)].\(field)")
                }
                return value
            }
            func parseCategory() throws -> Hypothesis.Category {
                let name = try need(category, "category")
                guard let category = Hypothesis.Category(rawValue: name) else {
                    let known = Hypothesis.Category.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ServiceError.badRequest("edits[\(index)]: unknown category '\(name)' (one of: \(known))",
                                                  param: "edits[\(index)].category")
                }
                return category
            }
            switch op {
            case "add": return .add(category: try parseCategory(), statement: try need(statement, "statement"), evidence: evidence ?? [])
            case "reword": return .reword(id: try need(id, "id"), statement: try need(statement, "statement"))
            case "recategorize": return .recategorize(id: try need(id, "id"), category: try parseCategory())
            case "remove": return .remove(id: try need(id, "id"))
            default:
                throw ServiceError.badRequest(
                    "edits[\(index)]: unknown op '\(op)' (add, reword, recategorize, remove)", param: "edits[\(index)].op")
            }
        }
    }
}
