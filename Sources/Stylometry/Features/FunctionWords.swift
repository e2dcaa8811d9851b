/// A fixed list of English function words, the topic-independent signal Burrows' Delta relies on.
///
/// Fixed (not learned from a corpus) so that profiles computed on different corpora stay comparable.
public enum FunctionWords {
    /// The words, lowercase, in a stable order (the index into `TextFeatures.functionWordCounts`).
    public static let list: [String] = [
        // articles and determiners
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither",
        "some", "any", "no", "all", "both", "few", "many", "much", "more", "most", "less", "least",
        "several", "such", "other", "another", "own", "same", "enough",
        // pronouns
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
        "yours", "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it",
        "its", "itself", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose",
        "which", "what", "whatever", "whoever", "one", "someone", "something", "anyone", "anything",
        "everyone", "everything", "nobody", "nothing",
        // prepositions
        "of", "in", "to", "for", "with", "on", "at", "by", "from", "about", "into", "over", "after",
        "before", "between", "under", "against", "during", "without", "within", "through", "among",
        "above", "below", "up", "down", "out", "off", "around", "across", "along", "behind", "beyond",
        "toward", "towards", "upon", "until", "since", "despite", "per", "via", "like", "near",
        // conjunctions
        "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "whereas",
        "if", "unless", "whether", "than", "as", "when", "where", "whenever", "wherever", "once",
        // auxiliaries and modals
        "be", "is", "am", "are", "was", "were", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing", "will", "would", "shall", "should", "can", "could", "may",
        "might", "must", "ought",
        // adverbs and particles
        "not", "also", "very", "too", "just", "only", "even", "still", "already", "again", "ever",
        "never", "always", "often", "sometimes", "perhaps", "maybe", "really", "quite", "rather",
        "almost", "however", "therefore", "thus", "indeed", "moreover", "furthermore", "instead",
        "otherwise", "then", "there", "here", "now", "how", "why", "well", "yes", "actually",
        "probably", "certainly", "simply", "especially", "particularly", "generally", "usually",
        "i'm", "it's", "don't", "can't", "i've", "didn't", "doesn't", "isn't", "won't", "that's",
    ]

    /// Maps the FNV-1a hash of a lowercase word to its index in `list`.
    static let indexByHash: [UInt64: Int] = {
        var index: [UInt64: Int] = [:]
        for (i, word) in list.enumerated() {
            index[WordHash.hash(word)] = i
        }
        return index
    }()

    /// The index of `word` (any case) in `list`, if it is a function word.
    public static func index(of word: String) -> Int? {
        indexByHash[WordHash.hash(word.lowercased())]
    }
}

extension FunctionWords {
    /// `indexByHash` as a flat table storing index + 1, for the featurizer's hot loop.
    static let table: KeyCounter = {
        var table = KeyCounter(expectedKeys: list.count)
        for (hash, index) in indexByHash { table.add(hash, Int32(index + 1)) }
        return table
    }()
}
