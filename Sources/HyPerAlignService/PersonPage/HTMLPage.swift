import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// HTML answers of the person's page, with headers that keep the link's token out of other sites' logs
/// and forbid scripts, frames and caching.
enum HTMLPage {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers(contentType: "text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `303 See Other` to `location` (after a form: reloading the page does not post again).
    static func redirect(to location: String) -> Response {
        var fields = headers(contentType: "text/plain; charset=utf-8")
        fields[.location] = location
        return Response(status: .seeOther, headers: fields)
    }

    static func headers(contentType: String) -> HTTPFields {
        [
            .contentType: contentType,
            .contentSecurityPolicy:
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            .init("Referrer-Policy")!: "no-referrer",
            .init("X-Content-Type-Options")!: "nosniff",
            .cacheControl: "no-store",
            .init("X-Robots-Tag")!: "noindex",
        ]
    }
}
