/// An action the agent can take, parsed from the first `<...>` in its message.
public enum BlocksworldAction: Sendable, Hashable, Codable {
    case pickUp(Block)
    case putDown(Block)
    case stack(Block, on: Block)
    case unstack(Block)
    case measure(Block)
    case help
    case done
    /// A height submission in centimetres (`<height 7.5cm>`).
    case height(Double)
    /// A two-tower submission (`<towers [A, B]; [C]>`), unvalidated: scoring checks it is a split.
    case towers([[Block]])

    /// The canonical text of the action, as the help text spells it.
    public var text: String {
        switch self {
        case .pickUp(let x): "<pick up \(x)>"
        case .putDown(let x): "<put down \(x)>"
        case .stack(let x, let y): "<stack \(x) on \(y)>"
        case .unstack(let x): "<unstack \(x)>"
        case .measure(let x): "<measure \(x)>"
        case .help: "<help>"
        case .done: "<done>"
        case .height(let h): "<height \(Formatting.centimetres(h))cm>"
        case .towers(let towers): "<towers \(towers.map { "[\($0.names)]" }.joined(separator: "; "))>"
        }
    }

    /// Whether the action moves blocks or reads the world (and so may be perturbed by the environment).
    public var isPhysical: Bool {
        switch self {
        case .pickUp, .putDown, .stack, .unstack, .measure: true
        case .help, .done, .height, .towers: false
        }
    }
}
