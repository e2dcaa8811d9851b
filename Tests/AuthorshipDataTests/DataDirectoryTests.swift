import AuthorshipData
import Foundation
import Testing

/// The one data-folder rule, and the refinement baseline read from it.
struct DataDirectoryTests {
    @Test func aNamedFolderMustExistAndIsNeverReplaced() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        let error = #expect(throws: AuthorshipDataError.self) {
            try DataDirectory.resolve(explicit: missing, environment: ["HYPERALIGN_DATA_DIR": NSTemporaryDirectory()])
        }
        #expect(error?.description.contains(missing) == true)
        #expect(throws: AuthorshipDataError.self) {
            try DataDirectory.resolve(explicit: nil, environment: ["HYPERALIGN_DATA_DIR": missing])
        }
        let here = FileManager.default.temporaryDirectory
        #expect(try DataDirectory.resolve(explicit: nil, environment: ["HYPERALIGN_DATA_DIR": here.path]) == here.standardizedFileURL)
    }

    @Test(.enabled(if: SharedData.has("blog_authorship/posts.jsonl"), "\(SharedData.skipMessage)"))
    func baselineTextsAreTheFirstBlogPosts() throws {
        let posts = try BaselineTexts.blogPosts(in: SharedData.directory, limit: 5)
        #expect(posts.count == 5 && posts.allSatisfy { !$0.isEmpty })
    }
}
