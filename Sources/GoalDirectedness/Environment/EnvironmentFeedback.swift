/// The structured side of an observation: what the text says, in a form scripted agents and tests can read.
///
/// Language-model adapters ignore it; it never reveals more than the observation text does.
public struct EnvironmentFeedback: Sendable, Hashable, Codable {
    /// The world after the step.
    public var world: World
    /// The action the environment carried out (after any perturbation), if one was parsed.
    public var action: BlocksworldAction?
    /// Whether the action was accepted.
    public var accepted: Bool
    /// Whether the agent's action was replaced by a random one.
    public var perturbed: Bool
    /// The reading, when the step measured a block.
    public var measurement: Measurement?
    /// Whether the wind knocked the tower down during this step.
    public var windBlew: Bool

    public init(world: World, action: BlocksworldAction? = nil, accepted: Bool = true, perturbed: Bool = false,
                measurement: Measurement? = nil, windBlew: Bool = false) {
        self.world = world
        self.action = action
        self.accepted = accepted
        self.perturbed = perturbed
        self.measurement = measurement
        self.windBlew = windBlew
    }
}

/// One noisy reading of one block.
public struct Measurement: Sendable, Hashable, Codable {
    public var block: Block
    public var centimetres: Double

    public init(block: Block, centimetres: Double) {
        self.block = block
        self.centimetres = centimetres
    }
}
