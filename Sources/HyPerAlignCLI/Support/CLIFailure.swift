import AuthorshipData
import EmbeddedModel
import Evaluation
import GoalDirectedness
import Foundation
import HyPerAlign
import LanguageModels
import ProfileStorage
import Providers

/// Exit codes scripts can rely on.
enum ExitCode32: Int32 {
    case failure = 1
    case usage = 64
    case badInput = 3
    case modelFailure = 4
    case notFound = 5
    case conflict = 6
}

/// A failure turned into one readable line and an exit code.
struct CLIFailure: Error {
    var message: String
    var exitCode: ExitCode32

    init(_ message: String, exitCode: ExitCode32 = .failure) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Maps the library's typed errors to messages and codes; nil for errors ArgumentParser renders itself.
    init?(classifying error: any Error) {
        switch error {
        case let error as InputError: self.init(error.description, exitCode: .badInput)
        case let error as PromptError: self.init(error.description, exitCode: .badInput)
        case let error as LanguageModelError: self.init(error.description, exitCode: .modelFailure)
        case let error as InferenceError: self.init(error.description, exitCode: .modelFailure)
        case let error as EmbeddedSetupError: self.init(error.description, exitCode: .failure)
        case let error as GenerationError: self.init(error.description, exitCode: .badInput)
        case let error as HypothesisEditError: self.init(error.description, exitCode: .badInput)
        case let error as RefinementError: self.init(error.description, exitCode: .badInput)
        case let error as GoalDirectednessError: self.init(error.description, exitCode: .badInput)
        case let error as AuthorshipDataError: self.init(error.description, exitCode: .badInput)
        case let error as EvaluationError: self.init(error.description, exitCode: .badInput)
        case let error as ProviderSelectionError:
            self.init(error.description, exitCode: error.kind == .usage ? .usage : .badInput)
        case let error as StoreError:
            switch error.kind {
            case .notFound: self.init(error.description, exitCode: .notFound)
            case .conflict: self.init(error.description, exitCode: .conflict)
            case .corrupt, .unavailable: self.init(error.description, exitCode: .failure)
            }
        default: return nil
        }
    }
}
