import AuthorshipData
import Foundation
import HyPerAlign
import LanguageModels
import RunFolders

extension AuthorshipEvaluation {
    /// Makes every missing candidate: imported ones looked up, generated ones one author at a time
    /// (hypotheses inferred once per author, only when a pending variant needs them).
    func generate(
        slice: AuthorshipSlice, imported: [String: ImportedOutputs], log: JSONLinesLog<GenerationRecord>,
        candidates: KeyedRecords<GenerationRecord>, files: RunFiles
    ) async throws {
        let systems = configuration.allSystems
        let total = slice.authors.reduce(0) { $0 + $1.testItems.count } * systems.count
        let tracker = ProgressTracker(phase: "candidates", total: total, handler: progress)
        var work: [(AuthorData, [(TestItem, GenerationVariant)])] = []
        var finished = 0
        for author in slice.authors {
            var pending: [(TestItem, GenerationVariant)] = []
            for item in author.testItems {
                for system in systems {
                    let key = GenerationRecord.key(system: system, itemID: item.id)
                    if candidates[key] != nil { finished += 1; continue }
                    switch system {
                    case .variant(let variant):
                        pending.append((item, variant))
                    case .imported(let path):
                        guard let text = imported[system.description]?.output(author: author.author, itemID: item.id, prompt: item.prompt) else {
                            throw EvaluationError(file: path, "has no output for author '\(author.author)', item '\(item.id)'")
                        }
                        let record = GenerationRecord(key: key, author: author.author, itemID: item.id, system: system.description, text: text)
                        try log.append(record)
                        candidates.insert(record, for: key)
                        finished += 1
                    }
                }
            }
            if !pending.isEmpty { work.append((author, pending)) }
        }
        tracker.resumed(finished)
        try await forEach(work, limit: concurrency) { author, pending in
            try await generate(for: author, pending: pending, log: log, candidates: candidates, files: files, tracker: tracker)
        }
    }

    private func generate(
        for author: AuthorData, pending: [(TestItem, GenerationVariant)], log: JSONLinesLog<GenerationRecord>,
        candidates: KeyedRecords<GenerationRecord>, files: RunFiles, tracker: ProgressTracker
    ) async throws {
        let texts = author.trainingTexts.prefix(configuration.trainingTexts).enumerated().map { index, text in
            UserText(id: "\(author.author)-train-\(index)", text: text)
        }
        let profile = UserProfile(id: Self.safeID(author.author), texts: Array(texts))
        var hypotheses: HypothesisSet?
        var inferenceFailure: String?
        if pending.contains(where: { $0.1.needsHypotheses }) {
            do {
                let inferred = try await HypothesisInferencer(model: model, prompts: prompts, configuration: inference).infer(profile)
                hypotheses = inferred.set
                try RunFiles.writeJSON(inferred.set, to: files.directory.appendingPathComponent("hypotheses/\(profile.id).json"))
            } catch let error as InferenceError {
                inferenceFailure = error.description
            }
        }
        let generator = PersonalizedGenerator(model: model, prompts: prompts, options: generation)
        for (item, variant) in pending {
            let system = EvaluatedSystem.variant(variant)
            let key = GenerationRecord.key(system: system, itemID: item.id)
            var record = GenerationRecord(key: key, author: author.author, itemID: item.id, system: system.description, text: "")
            if variant.needsHypotheses, hypotheses == nil {
                record.failure = inferenceFailure ?? "no hypotheses"
            } else {
                record.text = try await generator.generate(item.prompt, for: profile, hypotheses: hypotheses, variant: variant).text
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            try log.append(record)
            candidates.insert(record, for: key)
            tracker.step()
        }
    }

    /// Author names as profile ids and file names (letters, digits, `-_.@`).
    static func safeID(_ name: String) -> String {
        let mapped = name.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || "-_@".unicodeScalars.contains($0) ? Character($0) : "_" }
        return String(mapped)
    }
}
