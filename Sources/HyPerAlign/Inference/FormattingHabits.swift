/// Formatting habits measured from the texts themselves — openings, sign-offs, lists, paragraphing,
/// length, punctuation — so they are right whatever model is used, and checkable on every output
/// (see ``HabitMeasurer`` and ``AdherenceChecker``).
public enum FormattingHabits {
    /// The statements of the texts' ``CheckableHabit``s, as shown among the attributes.
    public static func measure(_ texts: [String]) -> [String] {
        HabitMeasurer.habits(texts).map(\.statement)
    }
}
