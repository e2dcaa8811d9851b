import HyPerAlign

/// The rule every store applies inside an append's transaction: texts sent without an id get `tN`, the
/// first number past the user's text count that no text of theirs uses yet, and the total is checked
/// against the limit. Done under the store's lock, two concurrent appends can neither pass the limit
/// together nor hand out the same id.
package enum TextAppend {
    /// The texts to store, with ids assigned; throws ``TextLimitExceeded`` when over `maxTexts`.
    package static func prepare(
        _ texts: [UserText], user: String, existingIDs: [String], maxTexts: Int?
    ) throws -> [UserText] {
        let total = existingIDs.count + texts.count
        if let maxTexts, total > maxTexts { throw TextLimitExceeded(user: user, limit: maxTexts, wouldHave: total) }
        var used = Set(existingIDs)
        for text in texts where !text.id.isEmpty { used.insert(text.id) }
        var next = existingIDs.count + 1
        return texts.map { text in
            guard text.id.isEmpty else { return text }
            while used.contains("t\(next)") { next += 1 }
            var assigned = text
            assigned.id = "t\(next)"
            used.insert(assigned.id)
            next += 1
            return assigned
        }
    }
}
