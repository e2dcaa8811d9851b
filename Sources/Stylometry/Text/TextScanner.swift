/// The single-pass state machine behind `TextFeaturizer`: n-grams, words, sentences, lines.
struct TextScanner {
    let nGramLengths: ClosedRange<Int>
    let mattrWindow: Int
    let functionWords = FunctionWords.table
    let abbreviations = ByteClass.abbreviations
    // Word hashes that mark a link.
    let http = WordHash.hash("http")
    let https = WordHash.hash("https")
    let www = WordHash.hash("www")
    let urlLink = WordHash.hash("urllink")

    // n-grams over whitespace-collapsed bytes
    var nGrams: KeyCounter
    var pending: [UInt64] = []
    var window: UInt64 = 0
    var emitted = 0
    var lastEmittedSpace = true

    // current word
    var wordHash = WordHash.offset
    var wordLength = 0
    var wordUpper = 0
    var wordLower = 0
    var wordFirst: UInt8 = 0
    var wordSecond: UInt8 = 0
    var wordApostrophe = false
    var lastWordIsAbbreviation = false

    // totals
    var wordHashes: [UInt64] = []
    var wordBytes = 0
    var functionWordCounts: [Int]
    var contractions = 0
    var sentenceLengths: [Int] = []
    var paragraphLengths: [Int] = []
    var sentenceWords = 0
    var paragraphWords = 0
    var paragraphHasSentence = false
    /// The byte index of the current line's bullet mark, which is not counted as a dash.
    var bulletIndex = -1
    var sentenceStartsLowercase = false
    var atLineStart = true
    var punctuation = [Int](repeating: 0, count: PunctuationMark.allCases.count)
    var casing = CasingProfile()
    var formatting = FormattingProfile()

    init(configuration: FeatureConfiguration, expectedBytes: Int) {
        nGramLengths = configuration.nGramLengths
        mattrWindow = configuration.mattrWindow
        nGrams = KeyCounter(expectedKeys: min(1 << 20, max(256, expectedBytes * 2)))
        pending.reserveCapacity(Self.batchSize + 8)
        functionWordCounts = Array(repeating: 0, count: FunctionWords.list.count)
        wordHashes.reserveCapacity(expectedBytes / 5)
    }

    @inline(__always)
    mutating func count(_ mark: PunctuationMark) {
        punctuation[mark.index] += 1
    }

    @inline(__always)
    mutating func emit(_ byte: UInt8) {
        window = (window << 8) | UInt64(byte)
        emitted += 1
        lastEmittedSpace = false
        for n in nGramLengths where emitted >= n {
            pending.append(NGramKey(window: window, length: n).rawValue)
        }
        if pending.count >= Self.batchSize { flushNGrams() }
    }

    static let batchSize = 4096

    /// Counts the buffered n-grams (batched so the table is updated in one tight loop).
    mutating func flushNGrams() {
        pending.withUnsafeBufferPointer { nGrams.add(contentsOf: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func emitSpace() {
        guard !lastEmittedSpace else { return }
        emit(0x20)
        lastEmittedSpace = true
    }
}
