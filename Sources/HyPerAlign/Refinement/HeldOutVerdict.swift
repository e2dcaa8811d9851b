/// The model's verdict on one hypothesis against held-out texts.
enum HeldOutVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case holds
    case contradicted
    case notShown = "not-shown"
}
