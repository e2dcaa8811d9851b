import Foundation

/// Names the language of a person's texts deterministically: by script where a script belongs to one
/// language (Greek, Hangul, kana …), otherwise by which language's most common function words make up most
/// of the text. Says nothing (nil) when the texts are too short or no language clearly leads.
public struct LanguageDetector: Sendable {
    /// The fewest words worth judging.
    public var minimumWords = 12

    public init() {}

    /// The language most of `texts` is written in, or nil when that cannot be told.
    public func detect(_ texts: [String]) -> String? {
        let joined = texts.joined(separator: "\n")
        if let script = Self.dominantScript(joined) { return script }
        let words = Self.words(joined)
        guard words.count >= minimumWords else { return nil }
        var scores: [(language: String, hits: Int)] = Self.profiles.map { profile in
            (profile.language, words.count { profile.words.contains($0) })
        }
        scores.sort { ($0.hits, $1.language) > ($1.hits, $0.language) }
        let best = scores[0]
        let second = scores.count > 1 ? scores[1].hits : 0
        // Clearly ahead: at least a tenth of the words, and a quarter more than the runner-up.
        guard Double(best.hits) >= 0.1 * Double(words.count), Double(best.hits) >= 1.25 * Double(second) else { return nil }
        return best.language
    }

    /// Every language name this detector can answer, lowercased (for checking a proposed value).
    public static var knownLanguages: Set<String> {
        Set(profiles.map { $0.language.lowercased() } + scriptLanguages.map { $0.lowercased() } + ["russian", "ukrainian"])
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0 == "'") }.map { $0.trimmingCharacters(in: .init(charactersIn: "'")) }
            .filter { !$0.isEmpty }
    }

    static let scriptLanguages = ["Greek", "Korean", "Japanese", "Chinese", "Arabic", "Hebrew", "Hindi", "Thai"]

    /// A language told by its script alone (more than half the letters), or Russian/Ukrainian for Cyrillic.
    static func dominantScript(_ text: String) -> String? {
        var counts: [String: Int] = [:]
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            let value = scalar.value
            let script: String? = switch value {
            case 0x0370...0x03FF: "Greek"
            case 0x0400...0x04FF: "Cyrillic"
            case 0x0590...0x05FF: "Hebrew"
            case 0x0600...0x06FF, 0x0750...0x077F: "Arabic"
            case 0x0900...0x097F: "Hindi"
            case 0x0E00...0x0E7F: "Thai"
            case 0x3040...0x30FF: "Japanese"
            case 0xAC00...0xD7AF, 0x1100...0x11FF: "Korean"
            case 0x4E00...0x9FFF: "Han"
            default: nil
            }
            if let script { counts[script, default: 0] += 1 }
        }
        guard letters > 0 else { return nil }
        let han = counts["Han", default: 0]
        if counts["Japanese", default: 0] > 0, Double(han + counts["Japanese", default: 0]) > 0.5 * Double(letters) {
            return "Japanese"
        }
        guard let (script, count) = counts.max(by: { $0.value < $1.value }), Double(count) > 0.5 * Double(letters) else {
            return nil
        }
        switch script {
        case "Han": return "Chinese"
        case "Cyrillic":
            let words = Self.words(text)
            let russian = words.count { cyrillicRussian.contains($0) }
            let ukrainian = words.count { cyrillicUkrainian.contains($0) }
            return ukrainian > russian ? "Ukrainian" : "Russian"
        default: return script
        }
    }

    static let cyrillicRussian: Set<String> = ["и", "в", "не", "на", "что", "я", "с", "он", "как", "это", "по", "но", "они", "к", "у", "же", "вы", "за", "бы", "так", "его", "было", "только", "мы", "если"]
    static let cyrillicUkrainian: Set<String> = ["і", "та", "що", "це", "як", "до", "ви", "але", "від", "ми", "він", "вона", "так", "було", "тільки", "якщо", "ще", "або", "їх", "цей"]

    /// The most frequent function words of languages written in the Latin script.
    static let profiles: [(language: String, words: Set<String>)] = [
        ("English", ["the", "and", "of", "to", "a", "in", "is", "it", "that", "for", "you", "was", "with", "on", "as", "have", "be", "at", "not", "this", "but", "are", "they", "we", "from", "or", "by", "will", "would", "there", "their", "what", "about", "which", "an", "if", "my", "me", "your", "i", "i'm", "it's", "don't", "our", "can", "so", "just", "all"]),
        ("German", ["der", "die", "das", "und", "ist", "nicht", "ich", "zu", "den", "von", "mit", "sich", "des", "auf", "für", "im", "dem", "ein", "eine", "es", "auch", "als", "wir", "sie", "aber", "wie", "noch", "nach", "bei", "oder", "wenn", "dass", "sind", "hat", "kann", "uns", "schon", "einen", "mir", "habe"]),
        ("French", ["le", "la", "les", "et", "de", "des", "un", "une", "est", "que", "qui", "dans", "pour", "pas", "au", "du", "ne", "sur", "se", "ce", "il", "elle", "nous", "vous", "avec", "mais", "ou", "sont", "par", "plus", "cette", "été", "je", "être", "aux", "leur", "très", "j'ai", "c'est", "on"]),
        ("Spanish", ["el", "los", "las", "y", "que", "en", "un", "una", "es", "por", "con", "no", "para", "se", "del", "al", "lo", "como", "más", "pero", "sus", "ya", "este", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "me", "hay", "yo", "está", "todo", "nos", "fue", "ser"]),
        ("Italian", ["il", "lo", "gli", "e", "di", "che", "un", "una", "è", "per", "non", "con", "del", "della", "sono", "si", "ma", "come", "anche", "al", "nel", "più", "questo", "questa", "ci", "mi", "ho", "ha", "da", "dei", "delle", "io", "molto", "perché", "essere", "alla", "tutto", "sia", "già"]),
        ("Portuguese", ["o", "os", "e", "de", "que", "em", "um", "uma", "é", "para", "com", "não", "por", "do", "da", "no", "na", "se", "mais", "mas", "como", "dos", "das", "ao", "ele", "ela", "seu", "sua", "foi", "muito", "também", "já", "eu", "está", "são", "isso", "quando", "nós", "você", "ou"]),
        ("Dutch", ["de", "het", "een", "en", "van", "is", "dat", "niet", "ik", "je", "op", "te", "zijn", "voor", "met", "die", "er", "maar", "om", "ook", "als", "aan", "bij", "nog", "wel", "naar", "kan", "dit", "wat", "zo", "ze", "hij", "we", "heb", "geen", "worden", "werd", "moet", "uit", "door"]),
        ("Polish", ["i", "w", "nie", "na", "się", "z", "do", "to", "że", "jest", "o", "jak", "ale", "po", "co", "tak", "za", "od", "jego", "przez", "jej", "są", "dla", "czy", "już", "tylko", "może", "być", "ich", "tym", "bardzo", "oraz", "gdy", "go", "mnie", "ten", "tego", "był", "jestem", "też"]),
        ("Turkish", ["ve", "bir", "bu", "da", "de", "için", "ile", "çok", "ne", "ama", "gibi", "daha", "ben", "sen", "var", "yok", "olarak", "kadar", "sonra", "şey", "mi", "mı", "her", "değil", "ki", "diye", "olan", "ise", "biz", "siz", "onun", "bunu", "şimdi", "benim", "bana"]),
        ("Swedish", ["och", "att", "det", "som", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så", "kan", "när", "hade", "nu", "efter", "hon", "också", "under", "mycket", "vara", "skulle", "eller", "dig", "mig"]),
    ]
}
