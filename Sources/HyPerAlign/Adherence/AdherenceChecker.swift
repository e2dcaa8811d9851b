/// Checks an output against every habit of a person that can be checked deterministically.
///
/// ```swift
/// let checker = AdherenceChecker(texts: profile.texts.map(\.text))
/// let report = checker.check(answer)   // report.summary: "5 of 7 measured habits followed"
/// ```
public struct AdherenceChecker: Sendable {
    /// The habits checked, measured once on the person's texts.
    public let habits: [CheckableHabit]

    public init(texts: [String]) {
        habits = HabitMeasurer.habits(texts)
    }

    public init(profile: UserProfile) {
        self.init(texts: profile.texts.map(\.text))
    }

    public init(habits: [CheckableHabit]) {
        self.habits = habits
    }

    /// The verdict of every habit on `output`.
    public func check(_ output: String) -> AdherenceReport {
        AdherenceReport(items: habits.map { habit in
            let (satisfied, detail) = habit.check(output)
            return .init(statement: habit.statement, satisfied: satisfied, detail: detail)
        })
    }

    /// The habits as instructions for a generation prompt, one "- …" line each.
    public var instructions: String {
        habits.isEmpty ? "- (none measured)" : habits.map { "- \($0.instruction)" }.joined(separator: "\n")
    }
}
