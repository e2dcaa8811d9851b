import HyPerAlign

enum Fixtures {
    static let texts = [
        UserText(id: "1", text: "Short version: yes, but only to Thursday. The gauges need two dry days.\n\n— M.", prompt: "Can we move the survey?"),
        UserText(id: "2", text: "Short version: send me what you have by Friday. A rough chapter is worth more than a perfect one.\n\n— M."),
        UserText(id: "3", text: "Short version: we got the grant, minus the drone. Fieldwork starts in April.\n\n— M."),
    ]

    static let profile = UserProfile(id: "marta", texts: texts, attributes: ["role": "ecologist"])

    static let goodAnswer = """
        {"hypotheses": [
          {"category": "style", "statement": "Opens every message with 'Short version:' and the conclusion.",
           "evidence": ["Short version: yes, but only to Thursday."], "confidence": 0.9},
          {"category": "communication", "statement": "Signs off with a dash and an initial.",
           "evidence": ["two dry days.\\n\\n— M."], "confidence": 0.8},
          {"category": "personality", "statement": "Values progress over polish.",
           "evidence": ["A rough chapter is worth more than a perfect one"], "confidence": 0.7}
        ],
        "attributes": {"typical_length_words": 999, "register": "informal", "domain": "ecology",
                       "audience": "colleagues", "language": "English", "formatting_habits": ["numbered lists"]}}
        """
}
