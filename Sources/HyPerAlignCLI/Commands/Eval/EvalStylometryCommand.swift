import ArgumentParser
import AuthorshipData
import Evaluation
import Foundation

/// `hyperalign eval stylometry`: tunes the stylometric judge on a data set's validation split and reports
/// the chosen settings' ground-truth accuracy on the test split.
struct EvalStylometryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stylometry",
        abstract: "Tune the stylometric judge on the validation split; report its ground-truth accuracy on the test split.",
        discussion: """
            The check: an author's real text against the text at the same position of another author (removed \
            from the impostors), references built from training texts. Settings are chosen by validation accuracy \
            only; the test split is scored once, for the chosen settings and for the benchmark's. No LLM is used. \
            Writes stylometry-tuning.json to the run folder.
            """)

    @OptionGroup var io: EvalDataOptions
    @Option(help: "Data set: ccat50, cmcc or blogs.") var dataset: AuthorshipDataset = .ccat50
    @Option(name: .customLong("reference-texts"), help: "Texts per reference and per impostor.") var referenceTexts: Int = 7
    @Option(name: .customLong("impostor-rounds"), help: "Rounds of the impostors method.") var impostorRounds: Int = 50
    @Flag(help: "Print no progress lines.") var quiet = false

    func run() async throws {
        let corpus = try AuthorshipCorpusLoader(dataDirectory: try io.dataDirectory()).load(dataset, trainingTextsPerAuthor: referenceTexts)
        let result = try StylometricTuning(corpus: corpus, referenceTexts: referenceTexts, impostorRounds: impostorRounds)
            .run { line in if !quiet { Console.note(line) } }
        let directory = io.runDirectory(default: "stylometry-\(dataset.rawValue)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(result).write(to: directory.appendingPathComponent("stylometry-tuning.json"))
        if io.json { return try Console.json(result) }
        let c = result.chosen
        Console.out("\(result.dataset), \(result.authors) authors; \(result.trials.count) settings tried on the validation split")
        Console.out("chosen: closest impostors \(c.closestImpostors), Delta weight \(c.deltaWeight), impostors weight \(c.impostorsWeight); validation \(c.validationAccuracy.text)")
        Console.out("test split, chosen settings:    \(result.testAccuracy.text)")
        Console.out("test split, benchmark settings: \(result.benchmarkSettingsTestAccuracy.text)")
    }
}
