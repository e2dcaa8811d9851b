import Foundation
import Hummingbird

extension ServiceRequestContext {
    /// The path parameter `name`, percent-decoded exactly once, as clients encode it
    /// (`/v1/users/ann%40example.com` names `ann@example.com`); the caller validates what it decodes to.
    /// - Throws: a 400 naming the parameter when its percent-encoding is malformed (`%zz`, a cut `%4`).
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        guard let decoded = raw.removingPercentEncoding else {
            throw ServiceError.badRequest(
                "path parameter '\(name)' is not valid percent-encoding: '\(raw)'", code: "invalid_path_parameter", param: name)
        }
        return decoded
    }
}
