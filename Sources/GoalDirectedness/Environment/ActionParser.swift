import Foundation

/// Turns free model output into a `BlocksworldAction`, or a message telling the model what was wrong.
///
/// As released, the action is the *last* `<...>` in the reply, so a model may reason step by step (and
/// mention tags) before it; only that last tag counts. Parsing is forgiving about case, quotes and small
/// wording variants (`pickup`, `onto`), where the released parser wants the exact words.
public struct ActionParser: Sendable {
    /// How many blocks the world has (names `a` … ).
    public var blockCount: Int

    public init(blockCount: Int) {
        self.blockCount = blockCount
    }

    /// The action in the last `<...>` of `message`.
    /// - Throws: `ActionRejection` with a message meant for the agent; `showsInterface` when the tag held no
    ///   known action (the environment then describes the actions, as released).
    public func parse(_ message: String) throws(ActionRejection) -> BlocksworldAction {
        guard let close = message.lastIndex(of: ">"), let open = message[..<close].lastIndex(of: "<") else {
            throw ActionRejection("Remember to tag your next action as <next action>.")
        }
        let inner = message[message.index(after: open)..<close]
            .lowercased()
            .replacingOccurrences(of: ":", with: " ")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        return try parseInner(inner)
    }

    private func parseInner(_ text: String) throws(ActionRejection) -> BlocksworldAction {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first else { throw ActionRejection("\"\" is not a valid action.", showsInterface: true) }
        switch verb {
        case "help": return .help
        case "done": return .done
        case "stop" where words.count == 2 && words[1] == "here": return .stopHere
        case "measure": return .measure(try block(words, at: 1))
        case "pickup": return .pickUp(try block(words, at: 1))
        case "putdown": return .putDown(try block(words, at: 1))
        case "unstack": return .unstack(try block(words, at: 1))
        case "pick" where words.count > 1 && words[1] == "up": return .pickUp(try block(words, at: 2))
        case "put" where words.count > 1 && words[1] == "down": return .putDown(try block(words, at: 2))
        case "stack": return try parseStack(words)
        case "height": return try parseHeight(words.dropFirst().joined())
        case "towers", "tower": return try parseTowers(String(text.dropFirst(verb.count)))
        default: throw ActionRejection("\"\(text)\" is not a valid action.", showsInterface: true)
        }
    }

    private func parseStack(_ words: [String]) throws(ActionRejection) -> BlocksworldAction {
        let filtered = words.filter { $0 != "block" }
        guard filtered.count == 4, ["on", "onto"].contains(filtered[2]) else {
            throw ActionRejection("\"\(words.joined(separator: " "))\" is not a valid action.", showsInterface: true)
        }
        return .stack(try block(filtered, at: 1), on: try block(filtered, at: 3))
    }

    private func parseHeight(_ text: String) throws(ActionRejection) -> BlocksworldAction {
        let number = text.replacingOccurrences(of: "cm", with: "").replacingOccurrences(of: ",", with: ".")
        guard let value = Double(number), value.isFinite else {
            throw ActionRejection("\"height \(text)\" is not a valid action. Submit your answer with <height Xcm>, for example <height 3.2cm>.")
        }
        return .height(value)
    }

    private func parseTowers(_ text: String) throws(ActionRejection) -> BlocksworldAction {
        let groups = text.split(separator: ";").map {
            $0.filter { !"[]()'\"".contains($0) }.split(whereSeparator: { $0 == "," || $0 == " " })
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
        guard let name = rest.first else {
            throw ActionRejection("\"\(words.joined(separator: " "))\" is not a valid action.", showsInterface: true)
        }
        guard let block = Block(name: name, count: blockCount) else { throw unknownBlock(name) }
        return block
    }

    private func unknownBlock(_ name: String) -> ActionRejection {
        ActionRejection("There is no block called \(name). The blocks are \(Block.first(blockCount).names).")
    }
}
