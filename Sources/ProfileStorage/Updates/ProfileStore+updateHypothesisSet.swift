import HyPerAlign

extension ProfileStore {
    /// Reads a user's hypothesis set, applies `change` and saves the result pinned to the revision read;
    /// on a revision conflict it reads the newer set and applies `change` again, per `retry`.
    ///
    /// This is the one optimistic-update loop of the package: the CLI's edits and re-inference, the
    /// service's PATCH route and its inference jobs all go through it, so no edit is lost silently and
    /// every caller retries the same way.
    ///
    /// - Parameter change: gets the stored set (`nil` when there is none) and returns the set to save.
    ///   It may run several times; throwing from it stops the update (e.g. a revision pinned by the
    ///   caller that no longer matches).
    /// - Throws: what `change` or the store throws; ``StoreError`` `conflict` once `retry` is used up.
    public func updateHypothesisSet(
        for userID: String, tenant: TenantID, retry: HypothesisUpdateRetry = .standard,
        _ change: (HypothesisSet?) throws -> HypothesisSet
    ) async throws -> HypothesisSet {
        for attempt in 0..<retry.attempts {
            let wait = retry.backoff(before: attempt)
            if wait > .zero { try await Task.sleep(for: wait) }
            let current = try await hypothesisSet(for: userID, tenant: tenant)
            let changed = try change(current)
            do {
                return try await saveHypothesisSet(changed, tenant: tenant, expectedRevision: current?.revision ?? 0)
            } catch let error as StoreError where error.kind == .conflict {
                continue
            }
        }
        throw StoreError(.conflict, "the hypotheses of '\(userID)' kept changing while saving; retry")
    }

    /// Merges freshly inferred hypotheses into the stored set, keeping what the person added, edited or
    /// removed (``HypothesisMerger``); if someone edited meanwhile, merges into their version instead.
    /// - Returns: the saved set and what the merge kept, replaced and suppressed.
    public func mergeInferredHypotheses(
        _ fresh: HypothesisSet, tenant: TenantID, retry: HypothesisUpdateRetry = .standard
    ) async throws -> (set: HypothesisSet, report: HypothesisMerger.Report) {
        var report: HypothesisMerger.Report?
        let saved = try await updateHypothesisSet(for: fresh.userID, tenant: tenant, retry: retry) { previous in
            let merged = HypothesisMerger().merge(previous: previous, fresh: fresh)
            report = merged.report
            return merged.set
        }
        // `change` ran at least once for the saved set, so the report is the one of the merge that landed.
        return (saved, report!)
    }
}
