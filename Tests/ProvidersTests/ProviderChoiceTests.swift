import EmbeddedModel
import Foundation
import LanguageModels
import Providers
import Testing

/// Command line, then config file, then environment, then defaults — for every setting.
struct ProviderChoiceTests {
    @Test func theCommandLineBeatsTheConfigFileWhichBeatsTheEnvironment() throws {
        let file = ProviderConfigFile(provider: .openai, model: "from-file", baseURL: "http://file/v1", apiKeyEnv: "MY_KEY")
        let environment = ["OPENAI_BASE_URL": "http://env/v1", "OPENAI_MODEL": "from-env", "MY_KEY": "k1", "OPENAI_API_KEY": "k2"]

        guard case .openai(let flags) = try ProviderChoice.resolve(
            ProviderRequest(model: "from-flag", baseURL: "http://flag/v1"), file: file, environment: environment)
        else { Issue.record("expected openai"); return }
        #expect(flags.model.rawValue == "from-flag" && flags.baseURL == "http://flag/v1")

        guard case .openai(let fromFile) = try ProviderChoice.resolve(ProviderRequest(), file: file, environment: environment)
        else { Issue.record("expected openai"); return }
        #expect(fromFile.model.rawValue == "from-file" && fromFile.baseURL == "http://file/v1")
        #expect(fromFile.apiKey == "k1")  // the variable the file names, not OPENAI_API_KEY

        guard case .openai(let fromEnvironment) = try ProviderChoice.resolve(
            ProviderRequest(provider: .openai), file: nil, environment: environment)
        else { Issue.record("expected openai"); return }
        #expect(fromEnvironment.model.rawValue == "from-env" && fromEnvironment.baseURL == "http://env/v1")
        #expect(fromEnvironment.apiKey == "k2")
    }

    @Test func theProviderFlagOverridesTheFileAndEmbeddedIsTheDefault() throws {
        let file = ProviderConfigFile(provider: .openai, model: "gpt-x")
        #expect(ProviderChoice.kind(ProviderRequest(provider: .embedded), file: file) == .embedded)
        #expect(ProviderChoice.kind(ProviderRequest(), file: file) == .openai)
        #expect(ProviderChoice.kind(ProviderRequest(), file: nil) == .embedded)
        let choice = try ProviderChoice.resolve(ProviderRequest(slots: 2), file: nil, environment: [:])
        guard case .embedded(let configuration) = choice else { Issue.record("expected embedded"); return }
        #expect(configuration.model == EmbeddedModelSpec.default && configuration.slots == 2)
    }

    @Test func missingModelUnknownEmbeddedModelAndMissingKeyAreUsageErrors() {
        let noModel = #expect(throws: ProviderSelectionError.self) {
            try ProviderChoice.resolve(ProviderRequest(provider: .openai), file: nil, environment: [:])
        }
        #expect(noModel?.kind == .usage)
        let unknown = #expect(throws: ProviderSelectionError.self) {
            try ProviderChoice.resolve(ProviderRequest(model: "no-such-model"), file: nil, environment: [:])
        }
        #expect(unknown?.description.contains("no-such-model") == true)
        let noKey = #expect(throws: ProviderSelectionError.self) {
            try ProviderChoice.resolve(ProviderRequest(provider: .anthropic), file: nil, environment: [:])
        }
        #expect(noKey?.description.contains("ANTHROPIC_API_KEY") == true)
    }

    @Test func aConfigFileIsReadAndItsProblemsNameTheFileAndField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("providers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let good = directory.appendingPathComponent("good.json")
        try #"{"provider": "anthropic", "model": "claude-x", "base_url": "http://a", "api_key_env": "K"}"#
            .write(to: good, atomically: true, encoding: .utf8)
        #expect(try ProviderConfigFile.load(explicit: good.path)
            == ProviderConfigFile(provider: .anthropic, model: "claude-x", baseURL: "http://a", apiKeyEnv: "K"))

        let bad = directory.appendingPathComponent("bad.json")
        try #"{"model": 3}"#.write(to: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: ProviderSelectionError.self) { try ProviderConfigFile.load(explicit: bad.path) }
        #expect(error?.kind == .configFile)
        #expect(error?.description.hasPrefix(bad.path) == true && error?.description.contains("model") == true)

        let missing = directory.appendingPathComponent("missing.json")
        #expect(throws: ProviderSelectionError.self) { try ProviderConfigFile.load(explicit: missing.path) }
        #expect(try ProviderConfigFile.load(explicit: nil, defaultLocation: missing) == nil)
    }
}
