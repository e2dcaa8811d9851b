import Foundation
import HTTPTypes
import HyPerAlign
import HyPerAlignService
import Hummingbird
import HummingbirdTesting
import LanguageModels
import Logging
import NIOCore
import ProfileStorage

/// A live service on loopback with two tenants (`acme`, `globex`) and a key each, for route tests.
struct ServiceHarness: Sendable {
    let client: any TestClientProtocol
    let store: any ServiceStore
    let service: HyPerAlignService
    let keyA: String
    let keyB: String

    var port: Int { client.port ?? 0 }

    static func run(
        model: some ChatModel, store: any ServiceStore = InMemoryProfileStore(),
        configuration: ServiceConfiguration = ServiceConfiguration(port: 0), logger: Logger? = nil,
        _ body: @Sendable (ServiceHarness) async throws -> Void
    ) async throws {
        let keyA = APIKey.generate()
        let keyB = APIKey.generate()
        try await store.saveAPIKey(APIKeyRecord(key: keyA, tenant: "acme"))
        try await store.saveAPIKey(APIKeyRecord(key: keyB, tenant: "globex"))
        let logger = logger ?? {
            var logger = Logger(label: "service-test")
            logger.logLevel = .error
            return logger
        }()
        // An OpenAI-compatible model is proxied to, as `hyperalign serve` does.
        var configuration = configuration
        if configuration.proxy == nil, let upstream = model as? OpenAICompatibleModel {
            configuration.proxy = ChatProxyConfiguration(upstream: upstream.configuration)
        }
        let service = HyPerAlignService(configuration: configuration, store: store, model: AnyChatModel(model), logger: logger)
        try await service.makeApplication().test(.live) { client in
            try await body(ServiceHarness(client: client, store: store, service: service, keyA: keyA.secret, keyB: keyB.secret))
        }
    }

    /// Sends a request as the holder of `key` (nil: no Authorization header).
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ path: String, key: String?, json: String? = nil, headers: HTTPFields = [:]
    ) async throws -> Reply {
        var fields = headers
        if let key { fields[.authorization] = "Bearer \(key)" }
        if json != nil { fields[.contentType] = "application/json" }
        let response = try await client.execute(
            uri: path, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
        return Reply(status: response.status.code, headers: response.headers, body: String(buffer: response.body))
    }

    /// Puts a user with `texts` into tenant `acme` through the API.
    func createUser(_ id: String, key: String? = nil, texts: [String] = ["I write short notes. Cheers, Ann."]) async throws {
        let body = #"{"texts": [\#(texts.map { #"{"text": \#(Self.quoted($0))}"# }.joined(separator: ","))]}"#
        let reply = try await call(.put, "/v1/users/\(id)", key: key ?? keyA, json: body)
        guard reply.status == 201 || reply.status == 200 else { throw HarnessError(message: "create \(id): \(reply.status) \(reply.body)") }
    }

    /// Stores a hypothesis set for a user of `tenant` directly.
    func giveHypotheses(_ id: String, tenant: TenantID = "acme", statement: String = "Signs off with 'Cheers'.") async throws {
        let profile = try await store.profile(id, tenant: tenant)
        let set = HypothesisSet(
            userID: id, hypotheses: [Hypothesis(category: .style, statement: statement, evidence: ["Cheers, Ann."])],
            attributes: InferredAttributes(typicalLengthWords: 7),
            provenance: HypothesisProvenance(model: "m", promptVersion: "infer-hypotheses@1",
                                             textsHash: profile?.textsHash ?? "", textCount: profile?.texts.count ?? 0))
        _ = try await store.saveHypothesisSet(set, tenant: tenant, expectedRevision: nil)
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    struct Reply: Sendable {
        var status: Int
        var headers: HTTPFields
        var body: String

        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
        /// `error.code` of an OpenAI-shaped error.
        var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
        var errorType: String? { (json?["error"] as? [String: Any])?["type"] as? String }
    }

    struct HarnessError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
