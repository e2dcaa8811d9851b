/// A run folder's file that cannot be used, naming the file.
public struct RunFolderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// What is wrong with it.
    public var problem: String

    /// The error for `file`.
    public init(file: String, _ problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
