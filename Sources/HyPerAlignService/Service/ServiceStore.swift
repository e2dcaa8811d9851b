import ProfileStorage

/// What the service stores in: profiles and hypotheses, and API key hashes (SQLite, PostgreSQL, memory).
public typealias ServiceStore = APIKeyStore & ProfileStore
