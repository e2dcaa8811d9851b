import Foundation

/// The optional config file (`~/.config/hyperalign/config.json` or `--config`): provider defaults so they
/// need not be typed each time. Keys are not stored in it, only the name of the variable holding one.
package struct ProviderConfigFile: Decodable, Sendable, Hashable {
    package var provider: ProviderKind?
    package var model: String?
    package var baseURL: String?
    /// The environment variable that holds the API key (default OPENAI_API_KEY / ANTHROPIC_API_KEY).
    package var apiKeyEnv: String?

    /// A config file's contents.
    package init(provider: ProviderKind? = nil, model: String? = nil, baseURL: String? = nil, apiKeyEnv: String? = nil) {
        self.provider = provider
        self.model = model
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
    }

    enum CodingKeys: String, CodingKey {
        case provider, model
        case baseURL = "base_url"
        case apiKeyEnv = "api_key_env"
    }

    /// The default location, under the home folder.
    package static var defaultLocation: URL {
        FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/hyperalign/config.json")
    }

    /// Reads `explicit` (which must exist), else the default location if a file is there.
    /// - Throws: ``ProviderSelectionError`` naming the file and field that cannot be used.
    package static func load(explicit: String?, defaultLocation: URL = Self.defaultLocation) throws(ProviderSelectionError) -> ProviderConfigFile? {
        let url = explicit.map { URL(fileURLWithPath: $0) } ?? defaultLocation
        if explicit == nil, !FileManager.default.fileExists(atPath: url.path) { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .configFile(url.path, "cannot read the config file")
        }
        do {
            return try JSONDecoder().decode(ProviderConfigFile.self, from: data)
        } catch DecodingError.dataCorrupted(let context) {
            throw .configFile(url.path, "not valid JSON: \(context.debugDescription)")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .configFile(url.path, "field '\(field)': \(context.debugDescription)")
        } catch {
            throw .configFile(url.path, "\(error)")
        }
    }
}
