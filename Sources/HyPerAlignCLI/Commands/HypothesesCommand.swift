import ArgumentParser
import Foundation
import HyPerAlign
import ProfileStorage
import SQLiteStorage

/// `hyperalign hypotheses …`: read and correct a stored person's hypotheses.
struct HypothesesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hypotheses", abstract: "Show or edit a stored user's hypotheses.",
        subcommands: [Show.self, Edit.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the hypotheses, their evidence and provenance.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user id.") var user: String
        @Flag(help: "Print as JSON (the hypothesis-set document every --json and the API use).") var json = false

        func run() async throws {
            let store = try SQLiteProfileStore(path: global.storePath)
            guard let profile = try await store.profile(user, tenant: .local) else { throw StoreError.notFound(user: user) }
            guard let set = try await store.hypothesisSet(for: user, tenant: .local) else {
                throw StoreError(.notFound, "'\(user)' has no hypotheses yet; run `hyperalign infer --user \(user)`")
            }
            let document = HypothesisSetDocument(set, profile: profile)
            if json { return try Console.json(document) }
            HypothesisPrinter.printSet(set, stale: document.stale)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, reword, recategorize or remove hypotheses, or set attributes; your edits survive re-inference.",
            discussion: """
                Works on a user with no hypotheses yet too: what you add is kept when hypotheses are inferred later.
                Examples:
                  hyperalign hypotheses edit marta --add "style: Ends every message with an em-dash and an initial."
                  hyperalign hypotheses edit marta --set language=English --set "audience=students and colleagues"
                  hyperalign hypotheses edit marta --reword h-1a2b3c "Opens with 'Short version:'."
                  hyperalign hypotheses edit marta --remove h-1a2b3c
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user id.") var user: String
        @Option(help: "Add a hypothesis: \"CATEGORY: statement\" (communication, personality or style).") var add: [String] = []
        @Option(help: "Reword one: ID, then the new statement.", transform: { $0 }) var reword: [String] = []
        @Option(help: "Change a category: ID=CATEGORY.") var recategorize: [String] = []
        @Option(help: "Remove a hypothesis by id.") var remove: [String] = []
        @Option(name: .customLong("set"), help: "Set an attribute: NAME=VALUE (language, register, domain, audience, typical_length_words); an empty VALUE clears it.")
        var setAttributes: [String] = []
        @Flag(help: "Print the edited set as JSON (the hypothesis-set document).") var json = false

        func run() async throws {
            let edits = try parseEdits()
            guard !edits.isEmpty else { throw ValidationError("nothing to do: give --add, --reword, --recategorize, --remove or --set") }
            let store = try SQLiteProfileStore(path: global.storePath)
            guard let profile = try await store.profile(user, tenant: .local) else { throw StoreError.notFound(user: user) }
            let saved = try await store.updateHypothesisSet(for: user, tenant: .local) { current in
                try HypothesisSet.applying(edits, to: current, profile: profile)
            }
            let document = HypothesisSetDocument(saved, profile: profile)
            if json { return try Console.json(document) }
            HypothesisPrinter.printSet(saved, stale: document.stale)
        }

        func parseEdits() throws -> [HypothesisEdit] {
            var edits: [HypothesisEdit] = []
            for item in add {
                guard let colon = item.firstIndex(of: ":"),
                    let category = Hypothesis.Category(rawValue: item[..<colon].trimmingCharacters(in: .whitespaces).lowercased())
                else {
                    throw ValidationError("--add '\(item)': write \"CATEGORY: statement\" with CATEGORY communication, personality or style")
                }
                edits.append(.add(category: category, statement: String(item[item.index(after: colon)...]), evidence: []))
            }
            guard reword.count % 2 == 0 else { throw ValidationError("--reword takes pairs: --reword ID --reword \"new statement\"") }
            for index in stride(from: 0, to: reword.count, by: 2) {
                edits.append(.reword(id: reword[index], statement: reword[index + 1]))
            }
            for item in recategorize {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let category = Hypothesis.Category(rawValue: parts[1].lowercased()) else {
                    throw ValidationError("--recategorize '\(item)': write ID=CATEGORY")
                }
                edits.append(.recategorize(id: parts[0], category: category))
            }
            edits += remove.map { .remove(id: $0) }
            for item in setAttributes {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, let name = AttributeName(rawValue: parts[0].trimmingCharacters(in: .whitespaces).lowercased()) else {
                    let names = AttributeName.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ValidationError("--set '\(item)': write NAME=VALUE with NAME one of \(names)")
                }
                edits.append(.setAttribute(name: name, value: parts[1]))
            }
            return edits
        }
    }
}
