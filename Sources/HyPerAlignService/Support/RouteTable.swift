import HTTPTypes
import Hummingbird
import Synchronization

/// The router's path templates and the methods each one answers, recorded once the routes are added, so a
/// request for a known path with another method can be told apart from one for an unknown path.
final class RouteTable: Sendable {
    private let templates = Mutex<[(segments: [Substring], methods: [HTTPRequest.Method])]>([])

    /// Records every route of `router` (call after the last route is added).
    func record(_ router: Router<ServiceRequestContext>) {
        var methods: [String: [HTTPRequest.Method]] = [:]
        for route in router.routes { methods[route.path.description, default: []].append(route.method) }
        let entries = methods.map { path, methods in
            (segments: Self.segments(path), methods: methods.sorted { $0.rawValue < $1.rawValue })
        }
        templates.withLock { $0 = entries }
    }

    /// The methods the template matching `path` answers; empty when no template matches it.
    /// `{name}` in a template matches any one segment, as in the router.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let request = Self.segments(path)
        return templates.withLock { templates in
            let matching = templates.filter { template in
                template.segments.count == request.count
                    && zip(template.segments, request).allSatisfy { $0.first == "{" && $0.last == "}" || $0 == $1 }
            }
            return Array(Set(matching.flatMap(\.methods))).sorted { $0.rawValue < $1.rawValue }
        }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
