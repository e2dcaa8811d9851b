import Foundation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
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

    @Test func paragraphsAreMeasuredByCountForOneBlockWritersAndByLengthForOthers() throws {
        let oneBlock = (1...3).map { "Shares fell \($0) percent on Monday. Traders sold early and bought back late." }
        #expect(HabitMeasurer.habits(oneBlock).contains { $0.kind == .paragraphs(minimum: 1, maximum: 2) })
        // One line per paragraph, as CCAT50's raw articles: each paragraph about 8 words, whatever the length.
        let news = (1...3).map { n in
            (1...(4 + n)).map { "Shares fell \($0) percent on Monday in Tokyo." }.joined(separator: "\n")
        }
        let habit = try #require(HabitMeasurer.habits(news).first { $0.kind.name == "paragraph length" })
        #expect(habit.kind == .paragraphLength(words: 8))
        #expect(habit.statement == "paragraphs of about 8 words (median; 6 paragraphs in the median text)")
        #expect(habit.check(news[0]).satisfied)
        #expect(habit.check(news[2].replacingOccurrences(of: "\n", with: "\n\n")).satisfied)
        let oneLongParagraph = news[2].replacingOccurrences(of: "\n", with: " ")
        let verdict = habit.check(oneLongParagraph)
        #expect(!verdict.satisfied)
        #expect(verdict.detail == "median paragraph 56 words (wanted 4–12)")
    }

    @Test func paragraphsAreJoinedOrReBrokenAtSentenceEnds() throws {
        let sentences = (1...6).map { "Sentence \($0) has exactly six words." }
        // Too long: re-broken at sentence ends into paragraphs near the length, words untouched.
        let long = sentences.joined(separator: " ") + "\n\n— M."
        let reflowed = try #require(Self.habit(.paragraphLength(words: 12)).repaired(long))
        #expect(reflowed == [
            "Sentence 1 has exactly six words. Sentence 2 has exactly six words.",
            "Sentence 3 has exactly six words. Sentence 4 has exactly six words.",
            "Sentence 5 has exactly six words. Sentence 6 has exactly six words.",
            "— M.",
        ].joined(separator: "\n\n"))
        // Too many for a one-block writer: joined, the last (a sign-off) kept apart.
        let split = sentences.prefix(3).joined(separator: "\n\n") + "\n\n— M."
        let joined = try #require(Self.habit(.paragraphs(minimum: 1, maximum: 2)).repaired(split))
        #expect(joined == sentences.prefix(3).joined(separator: " ") + "\n\n— M.")
        #expect(Self.habit(.paragraphs(minimum: 1, maximum: 2)).repaired(sentences[0]) == nil)
    }

    @Test func aLengthBeyondTheAnswersBudgetIsAskedForAndCheckedAsTheBudgetAllows() throws {
        let texts = (1...3).map { _ in String(repeating: "Shares fell on Monday in Tokyo. ", count: 100) }  // 600 words
        let profile = UserProfile(id: "long", texts: texts.enumerated().map { UserText(id: "\($0.offset)", text: $0.element) })
        let capped = GenerationOptions(maxTokens: 300).adherenceChecker(for: profile)
        let length = try #require(capped.habits.first { $0.kind.name == "length" })
        #expect(length.kind == .length(words: 180))
        #expect(length.statement == "about 600 words per text (median); about 180 within the answer's 300-token budget")
        #expect(length.instruction == "Write about 180 words.")
        #expect(capped.instructions.contains("- Write about 180 words."))
        // The prompt asks for what the check checks.
        let set = HypothesisSet(
            userID: "long", hypotheses: [Hypothesis(category: .style, statement: "Writes plainly.", evidence: ["q"])],
            attributes: InferredAttributes(),
            provenance: HypothesisProvenance(model: "m", promptVersion: "p@1", textsHash: profile.textsHash, textCount: 3))
        let generator = PersonalizedGenerator(model: ScriptedChatModel(replies: []), options: GenerationOptions(maxTokens: 300))
        let request = try generator.chatRequest("Write.", for: profile, hypotheses: set, variant: .hyperalign)
        #expect(request.messages.contains { $0.content.contains("Write about 180 words.") })
        #expect(!request.messages.contains { $0.content.contains("Write about 600 words.") })
        // A budget that holds the length leaves the habit as measured.
        let roomy = GenerationOptions(maxTokens: 2000).adherenceChecker(for: profile)
        #expect(roomy.habits.contains { $0.kind == .length(words: 600) })
    }
}
