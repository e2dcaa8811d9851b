import Foundation
import HyPerAlign

extension SafetyPolicy {
    /// The example policy shipped with the benchmark (`Resources/Policies/default-safety-policy.md`).
    public static func bundledDefault() throws -> SafetyPolicy {
        guard let url = Bundle.module.url(forResource: "default-safety-policy", withExtension: "md", subdirectory: "Policies") else {
            throw EvaluationError("the bundled safety policy is missing (a packaging bug)")
        }
        return try SafetyPolicy(contentsOf: url)
    }
}
