import Foundation
import HyPerAlign
import LanguageModels
import Testing

struct PromptTemplateTests {
    @Test func everyBundledTemplateParsesAndHasAVersion() throws {
        for name in PipelinePrompt.allCases {
            let template = try PromptLibrary.bundled(name)
            #expect(template.name == name.rawValue)
            #expect(template.version >= 1)
            #expect(!template.user.isEmpty)
        }
    }

    @Test func rendersInOnePassAndRefusesMissingValues() throws {
        #expect(try PromptTemplate.render("a {{x}} b", ["x": "{{y}}"], origin: "t") == "a {{y}} b")
        #expect(throws: PromptError.self) { try PromptTemplate.render("{{missing}}", [:], origin: "t") }
        #expect(PromptTemplate.placeholders(in: "{{a}} and {{ b }}") == ["a", "b"])
    }

    @Test func headerErrorsNameTheLine() {
        let error = #expect(throws: PromptError.self) {
            try PromptTemplate(parsing: "name: x\nversion: 1\n--- sytem ---\nhi", origin: "my.prompt")
        }
        #expect(error?.description == "prompt my.prompt:3: unknown section 'sytem'")
        #expect(throws: PromptError.self) { try PromptTemplate(parsing: "name: x\n--- user ---\nhi", origin: "v.prompt") }
    }

    @Test func anOverrideFolderReplacesOneTemplate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prompts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "name: generate-zero-shot\nversion: 9\n--- user ---\nPlease: {{request}}".write(
            to: directory.appendingPathComponent("generate-zero-shot.prompt"), atomically: true, encoding: .utf8)
        let library = try PromptLibrary(overrides: directory)
        #expect(library[.generateZeroShot].versionTag == "generate-zero-shot@9")
        #expect(library[.generateHyperalign].origin.hasPrefix("bundled:"))
    }
}
