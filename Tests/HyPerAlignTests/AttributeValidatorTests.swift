import Foundation
import LanguageModels
import Testing

@testable import HyPerAlign

struct AttributeValidatorTests {
    static let englishTexts = Fixtures.texts.map(\.text)
    static let validator = AttributeValidator(
        promptText: PromptLibrary.standard()[.inferCategory].system + PromptLibrary.standard()[.inferCategory].user)

    /// What the embedded SmolLM2-135M model proposed for the example person (issue 15): echoes of the prompt.
    @Test func theEmbeddedModelsEchoesAreDroppedWithAReason() {
        let proposed = InferredAttributes(
            typicalLengthWords: 80, register: "informal", domain: "The person's texts", audience: "The person's texts",
            language: "Theperson")
        let outcome = Self.validator.check(proposed, texts: Self.englishTexts)
        #expect(outcome.attributes.domain == nil)
        #expect(outcome.attributes.audience == nil)
        #expect(outcome.attributes.language == "English")
        #expect(outcome.attributes.source(of: .language) == .measured)
        let dropped = Dictionary(outcome.dropped.map { ($0.statement, $0.message) }, uniquingKeysWith: { first, _ in first })
        #expect(dropped["language: Theperson"]?.contains("echoes the prompt") == true)
        #expect(dropped["domain: The person's texts"]?.contains("echoes the prompt") == true)
        #expect(dropped["audience: The person's texts"]?.contains("echoes the prompt") == true)
    }

    /// The embedded model's actual communication answer for the demo's marta (infer-category@2, recorded from
    /// `hyperalign infer --user marta` on SmolLM2-135M): it calls her plain work emails formal. The register is
    /// measured instead, and the proposal reported.
    @Test func theEmbeddedModelsRegisterIsReplacedByTheMeasuredOne() throws {
        let recorded = """
            {"attributes": {"register": "formal"}, "hypotheses": [{"evidence": [1],
             "statement": "They tend to be more careful about their communication than they do."}]}
            """
        let texts = try Self.martaTexts()
        let sentences = NumberedSentences(texts: texts, tokenBudget: 1200)
        let answer = try CategoryAnswerParser(category: .communication, sentences: sentences).parse(recorded)
        let proposed = try #require(answer.attributes)
        #expect(proposed.register == "formal")
        let outcome = Self.validator.check(proposed, texts: texts)
        #expect(outcome.attributes.register == "informal")
        #expect(outcome.attributes.source(of: .register) == .measured)
        #expect(outcome.attributes.language == "English")
        #expect(outcome.dropped.map(\.statement) == ["register: formal"])
        #expect(outcome.dropped.first?.message.hasPrefix("the texts measure as informal (per 100 words: ") == true)
    }

    /// The demo's example person, as `hyperalign demo` reads her.
    static func martaTexts() throws -> [String] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/HyPerAlignCLI/Resources/Examples/demo-user.jsonl")
        return try ProfileTextLoader().load(file).map(\.text)
    }

    @Test(arguments: [
        ("they", AttributeName.audience), ("Their sentences are short", .domain), ("unknown", .domain),
        ("communication", .domain), ("texts texts texts", .domain), ("Klingonish", .language), ("chatty", .register),
        ("numbered sentences", .audience), ("", .domain),
    ])
    func invalidOrEmptyValuesAreRefused(value: String, name: AttributeName) {
        #expect(Self.validator.problem(value, for: name) != nil)
    }

    @Test(arguments: [
        ("ecology and fieldwork", AttributeName.domain), ("students and colleagues", .audience), ("German", .language),
        ("semi-formal", .register),
    ])
    func meaningfulValuesPass(value: String, name: AttributeName) {
        #expect(Self.validator.problem(value, for: name) == nil)
    }

    @Test func aValidDomainIsKeptAsInferredAndAWrongLanguageIsReplacedByTheMeasuredOne() {
        let outcome = Self.validator.check(
            InferredAttributes(domain: "environmental research", language: "French"), texts: Self.englishTexts)
        #expect(outcome.attributes.domain == "environmental research")
        #expect(outcome.attributes.source(of: .domain) == .inferred)
        #expect(outcome.attributes.language == "English")
        #expect(outcome.dropped.map(\.statement) == ["language: French"])
    }

    @Test func languagesAreDetectedByFunctionWordsAndScripts() {
        let detector = LanguageDetector()
        #expect(detector.detect(Self.englishTexts) == "English")
        #expect(detector.detect(["Ich habe das Paket heute nicht bekommen, aber die Nachbarin hat es für mich angenommen und wir holen es morgen bei ihr ab."]) == "German")
        #expect(detector.detect(["Je suis désolé, mais nous ne pouvons pas venir ce soir parce que la voiture est encore chez le garagiste et il pleut."]) == "French")
        #expect(detector.detect(["Lo siento, pero no podemos ir esta noche porque el coche está en el taller y además llueve mucho en la ciudad."]) == "Spanish")
        #expect(detector.detect(["今日はとても暑いですね。明日は雨が降るそうです。"]) == "Japanese")
        #expect(detector.detect(["Сегодня мы не сможем прийти, потому что машина в ремонте и идёт дождь."]) == "Russian")
        #expect(detector.detect(["Too short to tell."]) == nil)
    }

    @Test func registerIsMeasuredFromMarkers() throws {
        let formal = try #require(RegisterMarkers([
            "Dear Committee, I hereby submit the aforementioned report regarding the annual budget. Furthermore, the "
                + "figures concerning the second quarter have been revised accordingly. Consequently, the committee shall "
                + "receive the final accounts in due course. Yours sincerely, Dr. Anne Keller, Head of Finance."
        ]))
        #expect(formal.register == "formal")
        let casual = try #require(RegisterMarkers([
            "hey guys!! yeah I'm gonna be late lol, the bus is super slow. don't wait for me, ok? grab the stuff and "
                + "I'll catch up. thanks!! it's gonna be awesome anyway haha"
        ]))
        #expect(casual.register == "casual")
        #expect(RegisterMarkers(["Too short."]) == nil)
    }

    @Test func aPersonsValuesAreCheckedForTheirField() throws {
        let set = HypothesisSet.empty(for: Fixtures.profile)
        #expect(throws: HypothesisEditError.self) { try set.applying(.setAttribute(name: .register, value: "chatty")) }
        #expect(throws: HypothesisEditError.self) { try set.applying(.setAttribute(name: .typicalLengthWords, value: "many")) }
        #expect(throws: HypothesisEditError.self) { try set.applying(.setAttribute(name: .domain, value: "a\nb")) }
        let edited = try set.applying(.setAttribute(name: .register, value: "Formal"))
        #expect(edited.attributes.register == "formal")
        #expect(edited.attributes.source(of: .register) == .person)
        let cleared = try edited.applying(.setAttribute(name: .register, value: "  "))
        #expect(cleared.attributes.register == nil)
        #expect(cleared.attributes.source(of: .register) == .person)
    }
}
