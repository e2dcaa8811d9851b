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

    /// Words a budget of `tokens` holds with room to finish (about 1.3 tokens a word in English, and a margin).
    public static func words(fittingTokens tokens: Int) -> Int {
        max(1, Int(Double(tokens) * 0.6))
    }

    /// The same habits for an answer of at most `tokens` tokens: a length beyond it becomes the longest the
    /// budget holds (``words(fittingTokens:)``), and its statement says so.
    public func fitted(toTokenBudget tokens: Int) -> AdherenceChecker {
        let limit = Self.words(fittingTokens: tokens)
        return AdherenceChecker(habits: habits.map { habit in
            guard case .length(let words) = habit.kind, words > limit else { return habit }
            return CheckableHabit(
                kind: .length(words: limit),
                statement: "\(habit.statement); about \(limit) within the answer's \(tokens)-token budget",
                instruction: "Write about \(limit) words.")
        })
    }

    /// The verdict of every habit on `output`.
    public func check(_ output: String) -> AdherenceReport {
        AdherenceReport(items: habits.map { habit in
            let (satisfied, detail) = habit.check(output)
            return .init(statement: habit.statement, habit: habit.kind.name, satisfied: satisfied, detail: detail)
        })
    }

    /// `output` with every habit it breaks that a mechanical edit can fix fixed (``CheckableHabit/repaired(_:)``),
    /// in measuring order, and the statements of the habits repaired.
    public func repair(_ output: String) -> (text: String, repaired: [String]) {
        var text = output
        var repaired: [String] = []
        for habit in habits {
            guard let fixed = habit.repaired(text) else { continue }
            // An edit must not break a habit the text already followed.
            let before = check(text).satisfied
            guard check(fixed).satisfied > before else { continue }
            text = fixed
            repaired.append(habit.statement)
        }
        return (text, repaired)
    }

    /// The habits as instructions for a generation prompt, one "- …" line each.
    public var instructions: String {
        habits.isEmpty ? "- (none measured)" : habits.map { "- \($0.instruction)" }.joined(separator: "\n")
    }
}
