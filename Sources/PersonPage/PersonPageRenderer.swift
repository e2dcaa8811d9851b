import Foundation
import Mustache

/// Renders the person's pages from the Mustache templates shipped with this module. Every value goes
/// through `{{…}}`, which HTML-escapes it; the templates never use triple braces.
public struct PersonPageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads the templates (`Templates/*.mustache` in the module's resources).
    public init() throws(PersonPageError) {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PersonPageError("the person page's templates are missing from the bundle")
        }
        var library = MustacheLibrary()
        for name in ["layout-head", "layout-foot", "page", "message", "confirm-delete"] {
            let file = folder.appendingPathComponent("\(name).mustache")
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw PersonPageError("cannot read template \(file.path): \(error)")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw PersonPageError("template \(name).mustache does not parse: \(error)")
            }
        }
        self.library = library
    }

    public func render(_ page: PersonPageModel) -> String { render(page, "page") }
    public func render(_ page: MessagePage) -> String { render(page, "message") }
    public func render(_ page: ConfirmDeletePage) -> String { render(page, "confirm-delete") }

    private func render(_ object: Any, _ template: String) -> String {
        // Registered in init, so the template exists.
        library.render(object, withTemplate: template) ?? ""
    }
}

/// The page cannot be rendered (its templates are missing or broken).
public struct PersonPageError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
