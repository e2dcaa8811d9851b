import HyPerAlign
import Testing

struct HabitRepairTests {
    static func habit(_ kind: CheckableHabit.Kind) -> CheckableHabit {
        CheckableHabit(kind: kind, statement: "\(kind)", instruction: "")
    }

    @Test func addsAFormulaicOpeningAndTheSignOff() throws {
        let checker = AdherenceChecker(texts: AdherenceCheckerTests.texts)
        let (text, repaired) = checker.repair("The trip is off because of the storm.\n\n1. Stay home.\n2. Rest.")
        #expect(text.hasPrefix("Short version: The trip is off"))
        #expect(text.hasSuffix("\n\n— M."))
        #expect(repaired.contains("opens with \"Short version:\" (4 of 4 texts)"))
        #expect(repaired.contains("signs off with \"— M.\" (4 of 4 texts)"))
        #expect(checker.check(text).satisfied > checker.check("The trip is off because of the storm.\n\n1. Stay home.\n2. Rest.").satisfied)
    }

    @Test func neverPrefixesOrdinaryWordsAndNeverTouchesAFollowedHabit() {
        #expect(Self.habit(.opening("The company")).repaired("Shares fell on Monday.") == nil)
        #expect(Self.habit(.signOff("— M.")).repaired("Done.\n\n— M.") == nil)
        // What only the model can add stays broken.
        #expect(Self.habit(.numberedList).repaired("No list here.") == nil)
        #expect(Self.habit(.usesMark("—")).repaired("No dash here.") == nil)
    }

    @Test func removesMarksListsAndMarkdownThePersonNeverUses() throws {
        #expect(Self.habit(.avoidsMark("!")).repaired("Great news! We won!") == "Great news. We won.")
        #expect(Self.habit(.avoidsMark(";")).repaired("We won; they lost.") == "We won, they lost.")
        #expect(Self.habit(.avoidsMark("—")).repaired("We won — again — today.") == "We won, again, today.")
        #expect(Self.habit(.noList).repaired("Plan:\n1. Go home.\n- Rest.") == "Plan:\nGo home.\nRest.")
        #expect(Self.habit(.noMarkdown).repaired("## Update\n**Shares** fell __sharply__.") == "Update\nShares fell sharply.")
    }

    @Test func writesContractionsOutAndLowercasesI() {
        #expect(Self.habit(.contractions(false)).repaired("It's late: I don't know, we can't stay and they'll go.")
            == "It is late: I do not know, we cannot stay and they will go.")
        // A possessive cannot be written out, so the habit stays broken and the text untouched.
        #expect(Self.habit(.contractions(false)).repaired("It's Ann's car.") == nil)
        #expect(Self.habit(.lowercaseI).repaired("I think I'm right, Ian.") == "i think i'm right, Ian.")
    }

    @Test func cutsAnOverlongAnswerAtASentenceEnd() throws {
        let long = String(repeating: "This sentence has five words. ", count: 5)  // 25 words
        let cut = try #require(Self.habit(.length(words: 8)).repaired(long))  // at most 12 words
        #expect(cut.split(separator: " ").count == 10)
        #expect(cut.hasSuffix("words."))
        // A short answer cannot be lengthened mechanically.
        #expect(Self.habit(.length(words: 100)).repaired(long) == nil)
    }

    @Test func measuresMarkdownAsAHabitOnlyWhenNoTextUsesIt() {
        let plain = ["Shares fell.", "Shares rose.", "Shares held."]
        #expect(HabitMeasurer.habits(plain).contains { $0.kind == .noMarkdown })
        #expect(!HabitMeasurer.habits(plain + ["**Shares** fell."]).contains { $0.kind == .noMarkdown })
    }
}
