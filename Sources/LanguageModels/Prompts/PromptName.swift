import Foundation

/// The names of one module's prompt templates: one case per bundled `Prompts/NAME.prompt` file, so a
/// lookup by name cannot miss and a typo is a compile error rather than a crash.
public protocol PromptName: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The bundle whose `Prompts` folder holds a `RAWVALUE.prompt` file for every case.
    static var bundle: Bundle { get }
}
