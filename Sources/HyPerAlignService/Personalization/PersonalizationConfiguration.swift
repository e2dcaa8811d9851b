import ProfileStorage

/// How `/v1/chat/completions` picks the user to personalize for, and how much of their hypotheses it
/// sends.
///
/// The `X-HyPerAlign-User` header always names the user. The OpenAI `user` field does only for tenants
/// that opt in: OpenAI asks every client to put an end-user id there, which is usually not a HyPerAlign
/// user id and must not silently select one.
public struct PersonalizationConfiguration: Sendable {
    /// Tenants whose requests' `user` field names the HyPerAlign user (when no header does).
    public var userFieldTenants: Set<TenantID>
    /// Every tenant's `user` field names the HyPerAlign user.
    public var userFieldForAllTenants: Bool
    /// The longest hypothesis statement or attribute value sent, in characters (longer ones are cut).
    public var maxStatementCharacters: Int
    /// The most hypotheses sent.
    public var maxStatements: Int
    /// How often the store's change count is read (SQLite, PostgreSQL): a change made outside this service
    /// (another replica, the CLI) reaches proxied requests within about this long; its own changes at once.
    public var changePollInterval: Duration

    public init(
        userFieldTenants: Set<TenantID> = [], userFieldForAllTenants: Bool = false, maxStatementCharacters: Int = 300,
        maxStatements: Int = 40, changePollInterval: Duration = .milliseconds(25)
    ) {
        self.userFieldTenants = userFieldTenants
        self.userFieldForAllTenants = userFieldForAllTenants
        self.maxStatementCharacters = maxStatementCharacters
        self.maxStatements = maxStatements
        self.changePollInterval = changePollInterval
    }

    /// Whether `tenant`'s `user` field names the HyPerAlign user.
    public func usesUserField(_ tenant: TenantID) -> Bool {
        userFieldForAllTenants || userFieldTenants.contains(tenant)
    }
}
