import Foundation

/// Formats a person's texts as quoted data for a prompt, within a token budget.
///
/// Each text sits between `<text>`/`</text>` (or `<example>`) tags, and any tag-like sequence inside a
/// text is neutralised, so a text can never close its own block and speak as instructions.
public enum TextBlocks {
    /// A rough token estimate (4 characters a token) for budgeting before a tokenizer is at hand.
    public static func estimatedTokens(_ text: String) -> Int { (text.utf8.count + 3) / 4 }

    /// The texts that fit in `tokenBudget`, in order; a text that does not fit is cut at a word boundary
    /// (the first one always gets at least part of the budget).
    public static func select(_ texts: [UserText], tokenBudget: Int) -> [UserText] {
        var remaining = tokenBudget
        var chosen: [UserText] = []
        for text in texts {
            let cost = estimatedTokens(text.text) + 20
            if cost <= remaining {
                chosen.append(text)
                remaining -= cost
            } else if remaining > 100 {
                var cut = text
                let characters = (remaining - 20) * 4
                let prefix = text.text.prefix(characters)
                cut.text = String(prefix[..<(prefix.lastIndex(of: " ") ?? prefix.endIndex)]) + " […]"
                chosen.append(cut)
                break
            } else {
                break
            }
        }
        return chosen
    }

    public static func render(_ texts: [UserText], tag: String) -> String {
        texts.enumerated().map { index, text in
            var block = "<\(tag) n=\"\(index + 1)\">\n"
            if let prompt = text.prompt, !prompt.isEmpty {
                block += "[written in reply to: \(neutralize(prompt))]\n"
            }
            block += neutralize(text.text) + "\n</\(tag)>"
            return block
        }.joined(separator: "\n\n")
    }

    /// Replaces `<` and `>` of tag-like sequences with look-alike brackets.
    static func neutralize(_ text: String) -> String {
        text.replacingOccurrences(of: "</", with: "‹/")
            .replacingOccurrences(of: "<text", with: "‹text")
            .replacingOccurrences(of: "<example", with: "‹example")
    }
}
