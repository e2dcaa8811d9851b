/// An action the agent can take, parsed from the last `<...>` in its message.
public enum BlocksworldAction: Sendable, Hashable, Codable {
    case pickUp(Block)
    case putDown(Block)
    case stack(Block, on: Block)
    case unstack(Block)
    case measure(Block)
    case help
    case done
    /// Give up after the falling tower fell (`<stop here>`).
    case stopHere
    /// A height submission in centimetres (`<height 7.5cm>`).
    case height(Double)
    /// A two-tower submission (`<towers ['a', 'b']; ['c']>`), unvalidated: the environment checks it is a split.
    case towers([[Block]])

    /// The canonical text of the action, as the released prompts spell it.
    public var text: String {
        switch self {
        case .pickUp(let x): "<pick up \(x)>"
        case .putDown(let x): "<put down \(x)>"
        case .stack(let x, let y): "<stack \(x) on \(y)>"
        case .unstack(let x): "<unstack \(x)>"
        case .measure(let x): "<measure \(x)>"
        case .help: "<help>"
        case .done: "<done>"
        case .stopHere: "<stop here>"
        case .height(let h): "<height \(Formatting.centimetres(h))cm>"
        case .towers(let towers): "<towers \(towers.map(\.pythonList).joined(separator: "; "))>"
        }
    }

    /// `<help>` and `<done>`: the actions the released code never perturbs.
    var isProtected: Bool {
        switch self {
        case .help, .done: true
        default: false
        }
    }
}
