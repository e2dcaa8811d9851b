import ProfileStorage

/// What the service stores in: profiles and hypotheses, API key hashes and inference jobs (SQLite,
/// PostgreSQL, memory). A store that is also a `RateLimitStore` (PostgreSQL) shares rate limits too.
public typealias ServiceStore = APIKeyStore & JobStore & ProfileStore
