import HyPerAlign
import Testing

struct AdherenceCheckerTests {
    static let texts = (1...4).map { n in
        """
        Short version: item \(n) is done.

        We moved the survey — again — because the gauges weren't ready. It's fine.

        1. Thursday at seven.
        2. Bring waders.

        — M.
        """
    }

    @Test func measuresTheHabitsMostTextsShow() {
        let statements = HabitMeasurer.habits(Self.texts).map(\.statement)
        #expect(statements.contains("opens with \"Short version:\" (4 of 4 texts)"))
        #expect(statements.contains("signs off with \"— M.\" (4 of 4 texts)"))
        #expect(statements.contains("numbered lists in 4 of 4 texts"))
        #expect(statements.contains("never uses exclamation marks (0 in 4 texts)") == false)  // too few words to rule marks out
        #expect(statements.contains { $0.hasPrefix("paragraphs of about 7 words (median; 4 paragraphs") })
        #expect(FormattingHabits.measure(Self.texts) == statements)
    }

    @Test func anOutputFollowingTheHabitsSatisfiesEveryCheck() {
        let report = AdherenceChecker(texts: Self.texts).check(Self.texts[0])
        #expect(report.checked >= 4)
        #expect(report.satisfied == report.checked)
        #expect(report.violations.isEmpty)
        #expect(report.rate == 1)
    }

    @Test func namesEachBrokenHabitWithItsFigure() {
        let report = AdherenceChecker(texts: Self.texts).check("Dear team, the trip is off! See you Monday.")
        let broken = Set(report.violations.map(\.statement))
        #expect(broken.contains("opens with \"Short version:\" (4 of 4 texts)"))
        #expect(broken.contains("signs off with \"— M.\" (4 of 4 texts)"))
        #expect(broken.contains("numbered lists in 4 of 4 texts"))
        let opening = report.items.first { $0.statement.hasPrefix("opens with") }
        #expect(opening?.detail.hasPrefix("starts with \"Dear team") == true)
    }

    @Test func checksPunctuationContractionsAndCasingOnLongerTexts() {
        let person = (1...3).map { _ in
            String(repeating: "i think we're close; the data isn't clean yet but i can fix it this week. ", count: 8)
        }
        let checker = AdherenceChecker(texts: person)
        let kinds = checker.habits.map(\.kind)
        #expect(kinds.contains(.usesMark(";")))
        #expect(kinds.contains(.avoidsMark("!")))
        #expect(kinds.contains(.contractions(true)))
        #expect(kinds.contains(.lowercaseI))
        #expect(kinds.contains(.noList))
        let good = checker.check(person[0])
        #expect(good.satisfied == good.checked)
        let bad = checker.check("I am sure! We are close. " + String(repeating: "More words here. ", count: 30))
        let broken = bad.violations.map(\.statement)
        #expect(broken.contains { $0.contains("semicolons") })
        #expect(broken.contains { $0.contains("exclamation") })
        #expect(broken.contains { $0.contains("contractions") })
        #expect(broken.contains { $0.contains("lowercase") })
    }

    @Test func lengthAllowsHalfToOneAndAHalfTimesTheMedian() {
        let habit = CheckableHabit(kind: .length(words: 10), statement: "about 10 words", instruction: "")
        #expect(habit.check(String(repeating: "word ", count: 5)).satisfied)
        #expect(habit.check(String(repeating: "word ", count: 15)).satisfied)
        #expect(!habit.check(String(repeating: "word ", count: 16)).satisfied)
        #expect(!habit.check("one two three four").satisfied)
    }
}
