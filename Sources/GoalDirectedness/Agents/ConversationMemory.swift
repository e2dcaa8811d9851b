/// What a scripted agent remembers, recomputed from the conversation each turn so agents stay stateless.
struct ConversationMemory: Sendable {
    /// Every reading so far, per block.
    let readings: [Block: [Double]]
    /// How many `<towers …>` submissions the environment accepted.
    let acceptedTowerSubmissions: Int
    let world: World
    /// Whether the falling tower has fallen.
    let towerFell: Bool

    init(_ conversation: BlocksworldConversation) {
        var readings: [Block: [Double]] = [:]
        var towers = 0
        var fell = false
        for feedback in conversation.feedback {
            fell = fell || feedback.windBlew
            if let m = feedback.measurement { readings[m.block, default: []].append(m.centimetres) }
            if feedback.accepted, case .towers = feedback.action { towers += 1 }
        }
        self.readings = readings
        self.acceptedTowerSubmissions = towers
        self.world = conversation.currentWorld
        self.towerFell = fell
    }

    func count(_ block: Block) -> Int { readings[block]?.count ?? 0 }

    /// The mean reading of `block`, if it was measured.
    func estimate(_ block: Block) -> Double? {
        guard let values = readings[block], !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }
}
