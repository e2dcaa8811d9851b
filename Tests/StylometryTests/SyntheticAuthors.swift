import Statistics

/// Seeded synthetic authors with distinct habits, for ordering tests of the verifiers.
enum SyntheticAuthors {
    static let shared = ["market", "company", "price", "government", "report", "people", "year", "plan",
                         "city", "team", "water", "school", "money", "month", "week", "project"]
    static let styles: [String: (words: [String], glue: [String], end: String)] = [
        "ann": (["however", "thus", "moreover", "indeed", "therefore"], ["; ", ", "], "."),
        "bob": (["really", "so", "just", "like", "actually"], [" ", " - "], "!"),
        "cat": (["perhaps", "maybe", "rather", "quite", "somewhat"], [" (", ") "], "?"),
        "dan": (["because", "although", "whereas", "since", "unless"], [", ", ": "], "."),
    ]

    /// A text of `sentences` sentences in the style of `author`.
    static func text(by author: String, seed: UInt64, sentences: Int = 12) -> String {
        let style = styles[author]!
        var generator = SeededGenerator(seed: seed)
        var out = ""
        for _ in 0..<sentences {
            var sentence: [String] = []
            for _ in 0..<Int.random(in: 6...12, using: &generator) {
                if Double.random(in: 0..<1, using: &generator) < 0.35 {
                    sentence.append(style.words.randomElement(using: &generator)!)
                } else {
                    sentence.append(shared.randomElement(using: &generator)!)
                }
            }
            let glue = style.glue.randomElement(using: &generator)!
            let half = sentence.count / 2
            let body = sentence[..<half].joined(separator: " ") + glue + sentence[half...].joined(separator: " ")
            out += body.prefix(1).uppercased() + body.dropFirst() + style.end + " "
        }
        return out
    }

    static func texts(by author: String, count: Int, seed: UInt64) -> [String] {
        (0..<count).map { text(by: author, seed: seed &+ UInt64($0) &* 7919) }
    }
}
