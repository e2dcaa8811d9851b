import EmbeddedModel
import Foundation
import Testing

/// The llama.cpp source is checked against its pinned SHA-256 before anything is built from it; a damaged or
/// partial download (an interrupted first run) is thrown away, never built.
struct SetupVerificationTests {
    @Test func aDamagedSourceArchiveIsRemovedAndNeverBuilt() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("setup-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let paths = EmbeddedPaths(root: root)
        try FileManager.default.createDirectory(at: paths.downloads, withIntermediateDirectories: true)
        try Data("half a tarball".utf8).write(to: paths.sdist)
        // `false` stands in for pip: the re-download fails, as it would offline.
        let installer = EmbeddedRuntimeInstaller(paths: paths, python: "false")
        do {
            try await installer.install(model: .smolLM2)
            Issue.record("setup succeeded with a damaged archive and no way to download")
        } catch let error as EmbeddedSetupError {
            #expect(error.step == "downloading the llama.cpp source", "\(error)")
            #expect(error.description.contains("false"))
        }
        #expect(!FileManager.default.fileExists(atPath: paths.sdist.path))
        #expect(!FileManager.default.fileExists(atPath: paths.source.path))
        #expect(!installer.isReady(model: .smolLM2))
    }
}
