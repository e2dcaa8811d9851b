import AuthorshipData
import Evaluation

/// Maps the evaluation's typed errors to CLI failures (bad input, exit code 3).
enum EvalFailure {
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as EvaluationError {
            throw CLIFailure(error.description, exitCode: .badInput)
        } catch let error as AuthorshipDataError {
            throw CLIFailure(error.description, exitCode: .badInput)
        }
    }

    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as EvaluationError {
            throw CLIFailure(error.description, exitCode: .badInput)
        } catch let error as AuthorshipDataError {
            throw CLIFailure(error.description, exitCode: .badInput)
        }
    }
}
