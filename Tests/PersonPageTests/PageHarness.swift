import AsyncHTTPClient
import ChildProcesses
import Foundation
import HyPerAlign
import HyPerAlignService
import HyPerAlignTesting
import LanguageModels
import LanguageModelsTesting
import Logging
import NIOCore
import NIOHTTP1
import ProfileStorage
import SQLiteStorage

/// The service on a fresh SQLite store on loopback, with keys for the tenants `acme` and `globex`, an HTTP
/// client for the operator's API, and headless Chromium (through `person_page_driver.py`) for the person.
struct PageHarness: Sendable {
    let handle: InProcessService.Handle
    let store: SQLiteProfileStore
    let client: HTTPClient

    var baseURL: String { handle.baseURL }

    static func run(_ body: @Sendable (PageHarness) async throws -> Void) async throws {
        var logger = Logger(label: "person-page-test")
        logger.logLevel = .error
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("person-page-\(UUID().uuidString)")
        let store = try SQLiteProfileStore(path: folder.appendingPathComponent("store.sqlite").path)
        let model = ScriptedChatModel(steps: [], fallback: .reply("unused"))
        let service = HyPerAlignService(
            configuration: ServiceConfiguration(port: 0), store: store, model: AnyChatModel(model), logger: logger)
        // Redirects not followed: a form's 303 is what a test checks.
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        do {
            try await InProcessService.run(service, store: store, tenants: ["acme", "globex"], logger: logger) { handle in
                try await body(PageHarness(handle: handle, store: store, client: client))
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    /// An operator's call with tenant `tenant`'s key (0: acme, 1: globex).
    func call(_ method: HTTPMethod, _ path: String, tenant: Int = 0, json: String? = nil, headers: [(String, String)] = [])
        async throws -> (status: Int, body: String)
    {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(handle.keys[tenant])")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 22)
        return (Int(response.status.code), String(buffer: body))
    }

    /// A link to `user`'s page made through the operator API; returns its URL and id.
    func link(_ user: String, tenant: Int = 0) async throws -> (url: String, id: String) {
        let reply = try await call(.POST, "/v1/users/\(user)/links", tenant: tenant, json: #"{"ttlSeconds": 3600}"#)
        guard reply.status == 201,
            let object = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any],
            let url = object["url"] as? String, let id = object["id"] as? String
        else { throw HarnessError("POST /v1/users/\(user)/links answered \(reply.status): \(reply.body)") }
        return (url, id)
    }

    /// Runs the browser driver and decodes what it printed.
    static func browser(_ arguments: [String]) async throws -> [String: Any] {
        let output = try await ChildProcess.capture(ChildCommand("python3", [driver.path] + arguments))
        guard case .exited(0) = output.status,
            let object = try? JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        else {
            throw HarnessError("the browser driver failed (\(output.status)): \(output.standardError.suffix(3000))")
        }
        return object
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/person_page_driver.py")

    /// A run folder for this test run's screenshots: `runs/tests/person-page/<time>` in the package.
    static func runFolder() throws -> URL {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let folder = packageRoot.appendingPathComponent("runs/tests/person-page/\(stamp)-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The example person's texts (the demo's marta).
    static func martaTexts() throws -> [UserText] {
        try ProfileTextLoader().load([packageRoot.appendingPathComponent("Sources/HyPerAlignCLI/Resources/Examples/demo-user.jsonl")])
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
