/// Why no provider could be chosen: a config file that cannot be used, or a choice missing what it needs.
package struct ProviderSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, so a caller can map it to an exit code.
    package enum Kind: Sendable, Hashable {
        /// The config file is unreadable or malformed.
        case configFile
        /// The options name an unknown model or lack a model name or key.
        case usage
    }

    package var kind: Kind
    package var description: String

    /// An error of `kind` saying `description`.
    package init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func configFile(_ path: String, _ problem: String) -> Self { Self(.configFile, "\(path): \(problem)") }
}
