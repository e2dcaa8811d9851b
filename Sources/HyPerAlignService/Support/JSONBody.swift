import Foundation
import Hummingbird
import NIOCore

/// Reads request bodies within the configured size limit and writes JSON answers, so every route says
/// "too large" and "not valid" the same way.
enum JSONBody {
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Collects at most `limit` bytes (413 beyond) and decodes them (400 naming the field when invalid).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let buffer = try await collect(request, limit: limit)
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw ServiceError.translating(error)
        }
    }

    /// Collects at most `limit` bytes (413 beyond; 400 when empty).
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServiceError.tooLarge("the request body is \(length) bytes; the limit is \(limit)")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as NIOTooManyBytesError {
            _ = error
            throw ServiceError.tooLarge("the request body exceeds the limit of \(limit) bytes")
        }
        guard buffer.readableBytes > 0 else { throw ServiceError.badRequest("the request body is empty", code: "invalid_json") }
        return buffer
    }

    /// A JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
