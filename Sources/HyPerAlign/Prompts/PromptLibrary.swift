import Foundation
import LanguageModels

/// The pipeline's prompt templates: inference, generation, deliberation and refinement.
public typealias PromptLibrary = PromptCatalog<PipelinePrompt>

/// The name of each of the pipeline's bundled prompt templates (`Resources/Prompts/NAME.prompt`).
public enum PipelinePrompt: String, PromptName {
    case inferHypotheses = "infer-hypotheses"
    case inferCategory = "infer-category"
    case repairJSON = "repair-json"
    case checkHypotheses = "check-hypotheses"
    case generateZeroShot = "generate-zero-shot"
    case generateFewShot = "generate-few-shot"
    case generateHyperalign = "generate-hyperalign"
    case generateHyperalignExamples = "generate-hyperalign-examples"
    case reviseGeneration = "revise-generation"
    case deliberate = "deliberate"
    case deliberateAnswer = "deliberate-answer"
    case answerForUser = "answer-for-user"

    /// This module's resources.
    public static var bundle: Bundle { .module }
}
