import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HyPerAlign
import HyPerAlignService
import HyPerAlignTesting
import LanguageModels
import Logging
import NIOCore
import NIOHTTP1
import ProfileStorage

/// A live service on loopback with two tenants (`acme`, `globex`) and a key each, for route tests: the
/// shared ``InProcessService`` plus a client that speaks to it over real HTTP.
struct ServiceHarness: Sendable {
    let handle: InProcessService.Handle
    let client: HTTPClient
    let store: any ServiceStore

    var service: HyPerAlignService { handle.service }
    var port: Int { handle.port }
    var keyA: String { handle.keys[0] }
    var keyB: String { handle.keys[1] }

    static func run(
        model: some ChatModel, store: any ServiceStore = InMemoryProfileStore(),
        configuration: ServiceConfiguration = ServiceConfiguration(port: 0), logger: Logger? = nil,
        _ body: @Sendable (ServiceHarness) async throws -> Void
    ) async throws {
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
        // A client of its own, so no pooled connection outlives the server it was made for.
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await InProcessService.run(service, store: store, tenants: ["acme", "globex"], logger: logger) { handle in
                try await body(ServiceHarness(handle: handle, client: client, store: store))
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Sends a request as the holder of `key` (nil: no Authorization header).
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ path: String, key: String?, json: String? = nil, headers: HTTPFields = [:]
    ) async throws -> Reply {
        var fields = headers
        if let key { fields[.authorization] = "Bearer \(key)" }
        if json != nil { fields[.contentType] = "application/json" }
        var request = HTTPClientRequest(url: handle.baseURL + path)
        request.method = HTTPMethod(rawValue: method.rawValue)
        for field in fields { request.headers.add(name: field.name.rawName, value: field.value) }
        if let json { request.body = .bytes(ByteBuffer(string: json)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        var received = HTTPFields()
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { received.append(HTTPField(name: name, value: value)) }
        }
        let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return Reply(status: Int(response.status.code), headers: received, body: String(buffer: body))
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
