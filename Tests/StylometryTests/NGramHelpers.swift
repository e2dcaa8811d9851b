import Stylometry

/// The key of a short literal n-gram (test literals are always 1–7 bytes).
func gram(_ text: String) -> NGramKey {
    guard let key = NGramKey(text) else { fatalError("not an n-gram literal: \(text)") }
    return key
}
