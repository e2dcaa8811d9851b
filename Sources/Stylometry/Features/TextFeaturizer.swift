/// Turns texts into `TextFeatures` in a single pass over their UTF-8 bytes.
///
/// Throughput matters (whole corpora are featurized for IDF and impostor pools), so the scan never
/// slices strings per n-gram or word: n-grams are packed into integers and words are hashed.
///
/// ```swift
/// let features = TextFeaturizer().features(of: "Best,\nAnn")
/// ```
public struct TextFeaturizer: Sendable {
    public var configuration: FeatureConfiguration

    public init(configuration: FeatureConfiguration = FeatureConfiguration()) {
        self.configuration = configuration
    }

    /// The features of one text.
    public func features(of text: String) -> TextFeatures {
        var text = text
        var scanner = TextScanner(configuration: configuration, expectedBytes: text.utf8.count)
        text.withUTF8 { scanner.scan($0) }
        return scanner.finish(text: text)
    }

    /// The features of each text, in order.
    public func features(of texts: [String]) -> [TextFeatures] {
        texts.map { features(of: $0) }
    }
}
