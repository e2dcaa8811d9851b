import Hummingbird
import NIOCore
import ProfileStorage

/// Unauthenticated routes for operators and tools: liveness, readiness, Prometheus metrics, the OpenAPI document.
struct OperationalRoutes {
    let service: HyPerAlignService

    struct Status: Encodable, Sendable {
        var status: String
        var detail: String?
    }

    func add(to router: Router<ServiceRequestContext>) {
        router.get("health") { _, _ in try JSONBody.response(Status(status: "ok")) }
        router.get("ready") { _, _ in
            // One indexed read, within 2 s, proves the store answers; a tenant no key can have keeps it cheap.
            do {
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        _ = try await service.store.profile("readiness-probe", tenant: "__readiness__")
                        return true
                    }
                    group.addTask {
                        try await Task.sleep(for: .seconds(2))
                        return false
                    }
                    defer { group.cancelAll() }
                    guard try await group.next() == true else { throw CancellationError() }
                }
                return try JSONBody.response(Status(status: "ready"))
            } catch {
                return try JSONBody.response(Status(status: "unavailable", detail: "the profile store does not answer"),
                                             status: .serviceUnavailable)
            }
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: service.metrics.exposition())))
        }
        let document = ByteBuffer(string: OpenAPIDocument.json(for: service.configuration))
        router.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: document))
        }
    }
}
