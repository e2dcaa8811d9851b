import Foundation
import HyPerAlign

/// The optional config file (`~/.config/hyperalign/config.json` or `--config`): provider defaults so they
/// need not be typed each time. Keys are not stored in it, only the name of the variable holding one.
struct CLIConfigFile: Decodable {
    var provider: ProviderKind?
    var model: String?
    var baseURL: String?
    /// The environment variable that holds the API key (default OPENAI_API_KEY / ANTHROPIC_API_KEY).
    var apiKeyEnv: String?

    enum CodingKeys: String, CodingKey {
        case provider, model
        case baseURL = "base_url"
        case apiKeyEnv = "api_key_env"
    }

    static func load(explicit: String?) throws -> CLIConfigFile? {
        let url: URL
        if let explicit {
            url = URL(fileURLWithPath: explicit)
        } else {
            url = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/hyperalign/config.json")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError(file: url.path, message: "cannot read the config file")
        }
        do {
            return try JSONDecoder().decode(CLIConfigFile.self, from: data)
        } catch DecodingError.dataCorrupted(let context) {
            throw InputError(file: url.path, message: "not valid JSON: \(context.debugDescription)")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw InputError(file: url.path, field: field, message: context.debugDescription)
        } catch {
            throw InputError(file: url.path, message: "\(error)")
        }
    }
}
