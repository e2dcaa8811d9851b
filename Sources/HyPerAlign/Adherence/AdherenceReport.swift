/// How an output follows each checkable habit of the person: the figure per habit and the totals.
public struct AdherenceReport: Sendable, Hashable, Codable {
    /// One habit's verdict on one output.
    public struct Item: Sendable, Hashable, Codable {
        /// The measured habit, as in the person's attributes.
        public var statement: String
        /// The kind of habit (``CheckableHabit/Kind/name``, e.g. "sign-off"), the same for every person, so
        /// verdicts can be grouped across people.
        public var habit: String
        public var satisfied: Bool
        /// The output's figure, e.g. "112 words (wanted 44–132)".
        public var detail: String
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// Habits the output follows.
    public var satisfied: Int { items.filter(\.satisfied).count }
    /// Habits checked.
    public var checked: Int { items.count }
    /// The share satisfied, nil when nothing could be checked.
    public var rate: Double? { checked == 0 ? nil : Double(satisfied) / Double(checked) }
    /// The habits the output breaks.
    public var violations: [Item] { items.filter { !$0.satisfied } }

    /// "5 of 7 measured habits followed".
    public var summary: String { "\(satisfied) of \(checked) measured habits followed" }

    enum CodingKeys: String, CodingKey { case items, satisfied, checked, rate }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(satisfied, forKey: .satisfied)
        try container.encode(checked, forKey: .checked)
        try container.encodeIfPresent(rate, forKey: .rate)
    }

    public init(from decoder: any Decoder) throws {
        items = try decoder.container(keyedBy: CodingKeys.self).decode([Item].self, forKey: .items)
    }
}
