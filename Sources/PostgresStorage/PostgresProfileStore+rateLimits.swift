import Foundation
import PostgresNIO
import ProfileStorage

/// Token buckets in one table, shared by every replica: a take is one `INSERT … ON CONFLICT DO UPDATE`,
/// which locks the bucket's row, so concurrent takes on any replica are applied one after another.
extension PostgresProfileStore {
    public func takeRateLimitToken(bucket: String, rate: Double, burst: Int) async throws -> RateLimitDecision {
        let capacity = Double(burst)
        return try await translatingErrors {
            for try await _ in try await client.query(
                """
                INSERT INTO rate_limits AS r (bucket, tokens, updated_at) VALUES (\(bucket), \(capacity) - 1, clock_timestamp())
                ON CONFLICT (bucket) DO UPDATE SET
                  tokens = LEAST(\(capacity), r.tokens
                    + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - r.updated_at)::float8) * \(rate)) - 1,
                  updated_at = clock_timestamp()
                WHERE LEAST(\(capacity), r.tokens
                    + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - r.updated_at)::float8) * \(rate)) >= 1
                RETURNING tokens
                """, logger: logger
            ).decode(Double.self) {
                return .allowed
            }
            var available = 0.0
            for try await tokens in try await client.query(
                """
                SELECT LEAST(\(capacity), tokens + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - updated_at)::float8) * \(rate))
                FROM rate_limits WHERE bucket = \(bucket)
                """, logger: logger
            ).decode(Double.self) {
                available = tokens
            }
            return .denied(retryAfterSeconds: max(0, 1 - available) / rate)
        }
    }
}
