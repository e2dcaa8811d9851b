import HyPerAlign

/// The OpenAPI 3.1 description of the whole API, served at `/openapi.json`. It states exactly what the
/// server checks — id patterns, enums, required fields, the configured text limits — and every status each
/// operation can answer with, so a generated client (or `schemathesis`, which the test suite runs against
/// it) finds no request the two judge differently. A test also checks its paths and methods are exactly
/// the router's.
enum OpenAPIDocument {
    /// The document for a service configured with `configuration` (its limits become `maxItems` and
    /// `maxLength`).
    static func json(for configuration: ServiceConfiguration) -> String {
        let limits = Limits(configuration)
        return #"""
            {
              "openapi": "3.1.0",
              "info": {
                "title": "HyPerAlign",
                "version": "1.0.0",
                "description": "Profiles and hypotheses as resources, personalized generation, and an OpenAI-compatible chat endpoint that personalizes by the request's user. Every /v1 route needs 'Authorization: Bearer KEY' (hyperalign keys create --tenant NAME); a tenant sees only its own users. Errors use the OpenAI error shape. Path parameters are percent-decoded once, then checked. Request bodies are at most \#(limits.maxBodyBytes) bytes (413 beyond); a method a path does not take is a 405 with 'Allow'."
              },
              "servers": [{"url": "/"}],
              "security": [{"apiKey": []}],
              "paths": \#(paths(limits)),
              "components": \#(components(limits))
            }
            """#
    }

    /// The configured limits and the enumerations the server checks against, as the document states them.
    struct Limits {
        var maxBodyBytes: Int
        var maxTexts: Int
        var maxTextCharacters: Int
        var maxTextIDLength = TextBody.maxIDLength
        var userIDPattern = UserID.pattern
        var jobIDPattern = HypothesisRoutes.jobIDPattern
        var linkIDPattern = PersonLinkRoutes.linkIDPattern
        var maxLinkSeconds: Int
        var attributeNames = Self.list(AttributeName.allCases.map(\.rawValue))
        var registers = Self.list(AttributeName.registers)
        var ifMatchPattern = HypothesisRoutes.ifMatchPattern
        var nonBlankPattern = TextRules.nonBlankPattern
        var noNULPattern = TextRules.noNULPattern
        var textPattern = TextRules.textPattern
        var categories = Self.list(Hypothesis.Category.allCases.map(\.rawValue))
        var variants = Self.list(GenerationVariant.allCases.map(\.rawValue))
        var roles = Self.list(ChatCompletionContract.roles)
        var variantsOrNull: String { String(variants.dropLast()) + ", null]" }

        init(_ configuration: ServiceConfiguration) {
            maxBodyBytes = configuration.maxBodyBytes
            maxTexts = configuration.maxTextsPerUser
            maxTextCharacters = configuration.maxTextCharacters
            maxLinkSeconds = Int(configuration.personPage.maxLinkLifetime.components.seconds)
        }

        /// `["a", "b"]`.
        static func list(_ names: [String]) -> String {
            "[" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }
}
