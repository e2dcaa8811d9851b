import ArgumentParser
import Foundation
import HyPerAlign
import ProfileStorage
import SQLiteStorage

/// `hyperalign profile …`: stored people and their texts.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Add, list, show and remove stored user profiles.",
        subcommands: [Add.self, List.self, Show.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a profile from text files (.jsonl, .csv, .txt, .md or a folder), or add texts to one.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user id (letters, digits, - _ . @).") var user: String
        @Argument(help: "Files or folders with the person's texts.") var files: [String]
        @Option(name: .customLong("attribute"), help: "A known fact, key=value (repeatable).") var attributes: [String] = []
        @Flag(help: "Add the texts to an existing profile instead of replacing its texts.") var append = false
        @Flag(help: "Print the stored profile summary as JSON.") var json = false

        func run() async throws {
            try UserID.validate(user)
            guard !files.isEmpty else { throw ValidationError("give at least one file or folder") }
            var known: [String: String] = [:]
            for pair in attributes {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw ValidationError("--attribute '\(pair)' is not key=value")
                }
                known[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            // Parse everything before touching the store: a bad file changes nothing.
            let texts = try ProfileTextLoader().load(files.map { URL(fileURLWithPath: $0) })
            let store = try SQLiteProfileStore(path: global.storePath)
            let saved: UserProfile
            if append, var existing = try await store.profile(user, tenant: .local) {
                existing.texts += texts
                existing.attributes.merge(known) { _, new in new }
                saved = try await store.saveProfile(existing, tenant: .local)
            } else {
                saved = try await store.saveProfile(UserProfile(id: user, texts: texts, attributes: known), tenant: .local)
            }
            if json {
                try Console.json(["user": saved.id, "texts": String(saved.texts.count), "revision": String(saved.revision)])
            } else {
                Console.out("stored '\(saved.id)': \(saved.texts.count) texts (\(texts.count) read now) in \(global.storePath)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored profiles.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let store = try SQLiteProfileStore(path: global.storePath)
            let summaries = try await store.profileSummaries(tenant: .local)
            if json { return try Console.json(summaries) }
            if summaries.isEmpty { return Console.out("no profiles in \(global.storePath); add one with `hyperalign profile add`") }
            for summary in summaries {
                let state = summary.hasHypotheses ? (summary.hypothesesStale ? "hypotheses STALE" : "hypotheses ok") : "no hypotheses"
                Console.out("\(summary.id)\t\(summary.textCount) texts\t\(state)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a profile's texts and attributes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user id.") var user: String
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let store = try SQLiteProfileStore(path: global.storePath)
            guard let profile = try await store.profile(user, tenant: .local) else { throw StoreError.notFound(user: user) }
            if json { return try Console.json(profile) }
            Console.out("\(profile.id): \(profile.texts.count) texts, revision \(profile.revision)")
            for (key, value) in profile.attributes.sorted(by: { $0.key < $1.key }) { Console.out("  \(key): \(value)") }
            for text in profile.texts {
                let preview = text.text.replacingOccurrences(of: "\n", with: " ").prefix(90)
                Console.out("  [\(text.id)] \(text.wordCount) words: \(preview)…")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a profile with its texts and hypotheses.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user id.") var user: String

        func run() async throws {
            let store = try SQLiteProfileStore(path: global.storePath)
            guard try await store.deleteProfile(user, tenant: .local) else { throw StoreError.notFound(user: user) }
            Console.out("removed '\(user)'")
        }
    }
}
