import ProfileStorage

/// What the service stores in: profiles and hypotheses, API key hashes, inference jobs and the links people
/// open their own page with (SQLite, PostgreSQL, memory). A store that is also a `RateLimitStore`
/// (PostgreSQL) shares rate limits too.
public typealias ServiceStore = APIKeyStore & JobStore & PersonPageStore & ProfileStore
