/// Runs `body` over `items` with at most `limit` at a time, in a task group (structured; cancellable).
///
/// The first error cancels the rest and is rethrown; work that finished before it has already been
/// recorded by `body`, which is what makes a failed run resumable.
func forEach<Item: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        var iterator = items.makeIterator()
        for _ in 0..<max(1, limit) {
            guard let item = iterator.next() else { break }
            group.addTask { try await body(item) }
        }
        while try await group.next() != nil {
            if let item = iterator.next() { group.addTask { try await body(item) } }
        }
    }
}
