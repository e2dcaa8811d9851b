import Foundation
import LanguageModels

/// The evaluation-only prompt templates: the judges', which the product never sends.
public typealias JudgePrompts = PromptCatalog<JudgePrompt>

/// The name of each bundled judge template (`Resources/Prompts/NAME.prompt`).
public enum JudgePrompt: String, PromptName {
    case judgeAuthorship = "judge-authorship"
    case judgeSafety = "judge-safety"

    /// This module's resources.
    public static var bundle: Bundle { .module }
}
