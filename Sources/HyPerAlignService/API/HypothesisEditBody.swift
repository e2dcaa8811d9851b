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
        /// `set_attribute`: which attribute (language, register, domain, audience, typical_length_words).
        var name: String?
        /// `set_attribute`: its new value; null or "" clears it.
        var value: String?

        func edit(at index: Int) throws -> HypothesisEdit {
            func need<T>(_ value: T?, _ field: String) throws -> T {
                guard let value else {
                    throw ServiceError.badRequest("edits[\(index)]: '\(op)' needs '\(field)'", param: "edits[\(index)].\(field)")
                }
                return value
            }
            func parseStatement() throws -> String {
                let value = try need(statement, "statement")
                guard !TextRules.isBlank(value) else {
                    throw ServiceError.badRequest("edits[\(index)]: a statement cannot be empty", code: "invalid_edit",
                                                  param: "edits[\(index)].statement")
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
            case "add": return .add(category: try parseCategory(), statement: try parseStatement(), evidence: evidence ?? [])
            case "reword": return .reword(id: try need(id, "id"), statement: try parseStatement())
            case "recategorize": return .recategorize(id: try need(id, "id"), category: try parseCategory())
            case "remove": return .remove(id: try need(id, "id"))
            case "set_attribute":
                let field = try need(name, "name")
                guard let attribute = AttributeName(rawValue: field) else {
                    let known = AttributeName.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ServiceError.badRequest("edits[\(index)]: unknown attribute '\(field)' (one of: \(known))",
                                                  param: "edits[\(index)].name")
                }
                return .setAttribute(name: attribute, value: value)
            default:
                throw ServiceError.badRequest(
                    "edits[\(index)]: unknown op '\(op)' (add, reword, recategorize, remove, set_attribute)", param: "edits[\(index)].op")
            }
        }
    }
}
