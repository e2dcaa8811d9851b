/// A page that only says something: a link that no longer works, data that was deleted, a form that was
/// refused. Plain text, escaped by the template.
public struct MessagePage: Sendable, Hashable {
    public var title: String
    var message: String
    var hint: String
    var hasHint: Bool
    var backPath: String
    var hasBack: Bool

    /// - Parameter backPath: a page to go back to ("" for none).
    public init(title: String, message: String, hint: String = "", backPath: String = "") {
        self.title = title
        self.message = message
        self.hint = hint
        hasHint = !hint.isEmpty
        self.backPath = backPath
        hasBack = !backPath.isEmpty
    }
}

/// The step before deleting everything: says what goes, and asks once more.
public struct ConfirmDeletePage: Sendable, Hashable {
    var title: String
    var person: String
    var basePath: String
    var csrf: String
    var textCount: Int
    var hypothesisCount: Int

    public init(person: String, basePath: String, csrf: String, textCount: Int, hypothesisCount: Int) {
        title = "Delete everything about \(person)?"
        self.person = person
        self.basePath = basePath
        self.csrf = csrf
        self.textCount = textCount
        self.hypothesisCount = hypothesisCount
    }
}
