import Foundation
import Statistics
import Testing
@testable import GoalDirectedness

struct ReportTests {
    func sampleRows() -> [GoalDirectednessRow] {
        let models = ["claude-x", "gpt-y"]
        return models.flatMap { model in
            BlocksworldTask.composite.flatMap { task in
                [3, 5].map { blocks in
                    let e = model == "gpt-y" ? 0.4 + 0.1 * Double(blocks - 3) : 0.9 - 0.15 * Double(blocks - 3)
                    let gd = task == .fallingTower && blocks == 5 && model == "gpt-y"
                        ? nil : ConfidenceInterval(estimate: e, lower: e - 0.2, upper: min(1, e + 0.15))
                    return GoalDirectednessRow(model: model, task: task, blocks: blocks, variant: .plain, episodes: 30,
                                               observed: ConfidenceInterval(estimate: 0.7, lower: 0.6, upper: 0.8),
                                               random: 0.05, predicted: 0.9, goalDirectedness: gd)
                }
            }
        }
    }

    @Test func plotHasAxesLegendAndOneBarPerDefinedCell() throws {
        let svg = SVGPlotWriter().render(sampleRows())
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("Goal-directedness (95% CI, capped at 1)"))
        #expect(svg.contains("Task and number of blocks"))
        #expect(svg.contains(">claude-x</text>") && svg.contains(">gpt-y</text>"))
        #expect(svg.contains(">n/a</text>"))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 1 + 19 + 2)  // background, bars, legend
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("goal-directedness-sample.svg")
        try svg.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func markdownReportHasATableRowPerCell() {
        let rows = sampleRows()
        let markdown = MarkdownReportWriter().render(rows, plotPath: "plot.svg", profiles: ["claude-x": .perfect])
        #expect(markdown.contains("![Goal-directedness by task](plot.svg)"))
        #expect(markdown.contains("| claude-x | plain | information-gathering | 3 | 30 |"))
        #expect(markdown.contains("n/a"))
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| gpt-y") }.count == 10)
    }

    @Test func resultsRoundTripAsJSONLines() throws {
        let result = EpisodeResult(key: EpisodeKey(model: "m", task: .measureBlock, blocks: 3, seed: 1),
                                   value: 0.9, steps: 4, endedByAgent: true,
                                   capability: .measurement(trueHeight: 7, estimate: 6.3),
                                   transcript: [TranscriptLine(role: "agent", text: "<done>")], promptVersions: "x@1")
        let data = try JSONEncoder().encode(result)
        #expect(!data.contains(UInt8(ascii: "\n")))
        #expect(try JSONDecoder().decode(EpisodeResult.self, from: data) == result)
    }

    @Test func promptsCarryVersionsAndRenderPlaceholders() throws {
        let library = try BlocksworldPromptLibrary.bundled()
        #expect(library.templates.values.allSatisfy { !$0.version.isEmpty })
        let scenario = TaskScenario(task: .cognitiveEffort, blockCount: 4, seed: 1)
        let system = TaskPrompt(library: library).systemPrompt(for: scenario, variant: .motivational)
        #expect(!system.contains("{{"))
        #expect(system.contains("A: \(Formatting.centimetres(scenario.heights[0])) cm"))
        #expect(system.hasSuffix(library.template("suffix-motivational").body))
        #expect(throws: GoalDirectednessError.self) { try BlocksworldPromptTemplate(name: "x", fileContents: "no header") }
    }
}
