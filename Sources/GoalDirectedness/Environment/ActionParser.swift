import Foundation

/// Turns free model output into a `BlocksworldAction`, or a message telling the model what was wrong.
///
/// Parsing is forgiving about case, spacing and small wording variants (`pickup`, `onto`, `unstack A from B`)
/// because the evaluation measures goal-directedness, not formatting; anything else is rejected with a
/// clear message and the environment carries on.
public struct ActionParser: Sendable {
    /// How many blocks the world has (names `A` … ).
    public var blockCount: Int

    public init(blockCount: Int) {
        self.blockCount = blockCount
    }

    /// The first `<...>` in `message` that is an action; stray brackets in reasoning before it
    /// (`x < y`, `<thinking>`) are skipped.
    /// - Throws: `ActionRejection` with a message meant for the agent (about the first bracket if none parses).
    public func parse(_ message: String) throws(ActionRejection) -> BlocksworldAction {
        var firstRejection: ActionRejection?
        var rest = message[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let inner = rest[rest.index(after: open)..<close]
                .lowercased()
                .replacingOccurrences(of: ":", with: " ")
                .split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
            do throws(ActionRejection) {
                return try parseInner(inner)
            } catch {
                firstRejection = firstRejection ?? error
            }
            rest = rest[rest.index(after: open)...]
        }
        throw firstRejection
            ?? ActionRejection("I could not find an action. Write exactly one action in angle brackets, for example <help>.")
    }

    private func parseInner(_ text: String) throws(ActionRejection) -> BlocksworldAction {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first else { throw ActionRejection("The action <> is empty. Type <help> to see the actions.") }
        switch verb {
        case "help": return .help
        case "done": return .done
        case "measure": return .measure(try block(words, at: 1))
        case "pickup": return .pickUp(try block(words, at: 1))
        case "putdown": return .putDown(try block(words, at: 1))
        case "unstack": return .unstack(try block(words, at: 1))
        case "pick" where words.count > 1 && words[1] == "up": return .pickUp(try block(words, at: 2))
        case "put" where words.count > 1 && words[1] == "down": return .putDown(try block(words, at: 2))
        case "stack": return try parseStack(words)
        case "height": return try parseHeight(words.dropFirst().joined())
        case "towers", "tower": return try parseTowers(String(text.dropFirst(verb.count)))
        default: throw ActionRejection("I do not know the action <\(text)>. Type <help> to see the actions.")
        }
    }

    private func parseStack(_ words: [String]) throws(ActionRejection) -> BlocksworldAction {
        let filtered = words.filter { $0 != "block" }
        guard filtered.count == 4, ["on", "onto"].contains(filtered[2]) else {
            throw ActionRejection("Write stacking as <stack X on Y>.")
        }
        return .stack(try block(filtered, at: 1), on: try block(filtered, at: 3))
    }

    private func parseHeight(_ text: String) throws(ActionRejection) -> BlocksworldAction {
        let number = text.replacingOccurrences(of: "cm", with: "").replacingOccurrences(of: ",", with: ".")
        guard let value = Double(number), value.isFinite else {
            throw ActionRejection("Write a height as <height 7.5cm>.")
        }
        return .height(value)
    }

    private func parseTowers(_ text: String) throws(ActionRejection) -> BlocksworldAction {
        let groups = text.split(separator: ";").map {
            $0.filter { !"[]()".contains($0) }.split(whereSeparator: { $0 == "," || $0 == " " })
        }
        var towers: [[Block]] = []
        for group in groups {
            var tower: [Block] = []
            for name in group {
                guard let block = Block(name: name, count: blockCount) else { throw unknownBlock(String(name)) }
                tower.append(block)
            }
            towers.append(tower)
        }
        return .towers(towers)
    }

    private func block(_ words: [String], at position: Int) throws(ActionRejection) -> Block {
        let rest = words.dropFirst(position).filter { $0 != "block" }
        guard let name = rest.first else { throw ActionRejection("That action needs a block, for example <measure A>.") }
        guard let block = Block(name: name, count: blockCount) else { throw unknownBlock(name) }
        return block
    }

    private func unknownBlock(_ name: String) -> ActionRejection {
        ActionRejection("There is no block called \(name.uppercased()). The blocks are \(Block.first(blockCount).names).")
    }
}
