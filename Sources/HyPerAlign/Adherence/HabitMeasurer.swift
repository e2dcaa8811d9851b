/// Measures the ``CheckableHabit``s of a person's texts: only habits most texts show (or that no text
/// breaks), so a check asks an output for what the person reliably does.
public enum HabitMeasurer {
    /// Marks a habit may require or rule out.
    static let marks: [(mark: String, name: String)] = [
        ("!", "exclamation marks"), (";", "semicolons"), ("—", "em dashes"), ("(", "parentheses"), (":", "colons"),
    ]

    /// The habits of `texts`, most distinctive first.
    public static func habits(_ texts: [String]) -> [CheckableHabit] {
        let shapes = texts.map(TextShape.init).filter { !$0.trimmed.isEmpty }
        let total = shapes.count
        guard total > 0 else { return [] }
        let majority = max(2, (total + 1) / 2)
        let most = max(2, Int((Double(total) * 2 / 3).rounded(.up)))
        let totalWords = shapes.map(\.wordCount).reduce(0, +)
        var habits: [CheckableHabit] = []

        let openings = shapes.compactMap { shape -> String? in
            let first = shape.words.prefix(2)
            return first.count == 2 ? first.joined(separator: " ") : nil
        }
        if total > 1, let (opening, count) = mostCommon(openings), count >= majority {
            habits.append(.init(
                kind: .opening(opening), statement: "opens with \"\(opening)\" (\(count) of \(total) texts)",
                instruction: "Begin the text with exactly \"\(opening)\"."))
        }
        if total > 1, let (closing, count) = mostCommon(shapes.compactMap(\.lines.last)), count >= majority, closing.count <= 40 {
            habits.append(.init(
                kind: .signOff(closing), statement: "signs off with \"\(closing)\" (\(count) of \(total) texts)",
                instruction: "End the text with the line \"\(closing)\"."))
        }
        let numbered = shapes.filter(\.hasNumberedList).count
        let bulleted = shapes.filter(\.hasBulletedList).count
        if numbered >= majority {
            habits.append(.init(
                kind: .numberedList, statement: "numbered lists in \(numbered) of \(total) texts",
                instruction: "Include a numbered list (lines starting \"1.\", \"2.\", …)."))
        } else if bulleted >= majority {
            habits.append(.init(
                kind: .bulletedList, statement: "bulleted lists in \(bulleted) of \(total) texts",
                instruction: "Include a bulleted list (lines starting \"- \")."))
        } else if numbered + bulleted == 0, total >= 3 {
            habits.append(.init(
                kind: .noList, statement: "no lists in any of \(total) texts", instruction: "Do not use lists."))
        }
        if total >= 3, !shapes.contains(where: \.hasMarkdown) {
            habits.append(.init(
                kind: .noMarkdown, statement: "no markdown (bold, headings) in any of \(total) texts",
                instruction: "Write plain text: no markdown, no ** bold **, no # headings."))
        }
        let paragraphs = shapes.map(\.paragraphs).sorted()
        let medianParagraphs = paragraphs[paragraphs.count / 2]
        if medianParagraphs <= 2 {
            habits.append(.init(
                kind: .paragraphs(minimum: max(1, paragraphs[0] - 1), maximum: paragraphs[paragraphs.count - 1] + 1),
                statement: "about \(medianParagraphs) paragraph\(medianParagraphs == 1 ? "" : "s") per text (\(paragraphs[0])–\(paragraphs[paragraphs.count - 1]))",
                instruction: medianParagraphs == 1 ? "Write one paragraph." : "Write two paragraphs."))
        } else {
            // Several paragraphs: how many depends on the length, how long each is does not.
            let paragraphWords = shapes.map(\.medianParagraphWords).sorted()
            let words = max(1, paragraphWords[paragraphWords.count / 2])
            habits.append(.init(
                kind: .paragraphLength(words: words),
                statement: "paragraphs of about \(words) words (median; \(medianParagraphs) paragraphs in the median text)",
                instruction: "Write paragraphs of about \(words) words (\(Self.sentences(inWords: words))) each, a new line for each paragraph."))
        }
        let lengths = shapes.map(\.wordCount).sorted()
        let medianWords = lengths[lengths.count / 2]
        habits.append(.init(
            kind: .length(words: medianWords), statement: "about \(medianWords) words per text (median)",
            instruction: "Write about \(medianWords) words."))
        if totalWords >= 150 {
            for (mark, name) in marks {
                let using = shapes.filter { $0.count(of: mark) > 0 }.count
                if using == 0, total >= 3 {
                    habits.append(.init(
                        kind: .avoidsMark(mark), statement: "never uses \(name) (0 in \(total) texts)",
                        instruction: "Do not use \(name) (\(mark))."))
                } else if using >= most {
                    habits.append(.init(
                        kind: .usesMark(mark), statement: "uses \(name) in \(using) of \(total) texts",
                        instruction: "Use \(name) (\(mark)) as the person does."))
                }
            }
            let contracting = shapes.filter { $0.contractions > 0 }.count
            if contracting >= most {
                habits.append(.init(
                    kind: .contractions(true), statement: "uses contractions in \(contracting) of \(total) texts",
                    instruction: "Use contractions (it's, don't, we'll)."))
            } else if contracting == 0, total >= 3 {
                habits.append(.init(
                    kind: .contractions(false), statement: "never uses contractions (0 in \(total) texts)",
                    instruction: "Do not use contractions (write \"do not\", not \"don't\")."))
            }
            let pronouns = shapes.map(\.pronounI)
            let lower = pronouns.map(\.lower).reduce(0, +), upper = pronouns.map(\.upper).reduce(0, +)
            if lower >= 3, lower > 2 * upper {
                habits.append(.init(
                    kind: .lowercaseI, statement: "writes the pronoun \"i\" in lowercase (\(lower) of \(lower + upper) uses)",
                    instruction: "Write the pronoun \"i\" in lowercase."))
            }
        }
        return habits
    }

    /// "one or two sentences", "about 3 sentences": a paragraph length in the unit a writer counts in
    /// (about 20 words a sentence).
    static func sentences(inWords words: Int) -> String {
        let count = max(1, Int((Double(words) / 20).rounded()))
        return count == 1 ? "one or two sentences" : "about \(count) sentences"
    }

    static func mostCommon(_ values: [String]) -> (String, Int)? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { ($0.key, $0.value) }
    }
}
