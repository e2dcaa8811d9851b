import Crypto
import Foundation

/// Where the embedded runtime lives: outside the work tree, shared by every checkout of the project.
///
/// `$HYPERALIGN_CACHE` overrides the root (default `~/.cache/hyperalign`). The build folder is keyed by
/// the llama.cpp version and the CPU's feature flags, because a native build runs only on CPUs like the
/// one that built it.
public struct EmbeddedPaths: Sendable {
    public static let llamaCppVersion = "0.3.36"
    /// SHA-256 of `llama_cpp_python-0.3.36.tar.gz` as published on PyPI; checked before anything is built from it.
    public static let llamaCppSourceSHA256 = "832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e"

    public var root: URL

    public init(root: URL? = nil) {
        if let root {
            self.root = root
        } else if let override = ProcessInfo.processInfo.environment["HYPERALIGN_CACHE"], !override.isEmpty {
            self.root = URL(fileURLWithPath: override, isDirectory: true)
        } else {
            self.root = FileManager.default.homeDirectoryForCurrentUser
                .appendingPathComponent(".cache/hyperalign", isDirectory: true)
        }
    }

    public var downloads: URL { root.appendingPathComponent("downloads", isDirectory: true) }
    public var models: URL { root.appendingPathComponent("models", isDirectory: true) }
    public var logs: URL { root.appendingPathComponent("logs", isDirectory: true) }
    public var runtime: URL {
        root.appendingPathComponent("llama.cpp/\(Self.llamaCppVersion)-\(Self.cpuKey())", isDirectory: true)
    }
    public var source: URL { runtime.appendingPathComponent("src", isDirectory: true) }
    public var build: URL { runtime.appendingPathComponent("build", isDirectory: true) }
    public var serverBinary: URL { build.appendingPathComponent("bin/llama-server") }
    /// Written after CMake's configure step succeeded: an interrupted configure leaves a cache but no marker.
    public var configuredMarker: URL { build.appendingPathComponent("hyperalign-configured") }
    /// Written after the build succeeded: an interrupted link can leave a partial binary but no marker.
    public var builtMarker: URL { build.appendingPathComponent("hyperalign-built") }
    public var sdist: URL { downloads.appendingPathComponent("llama_cpp_python-\(Self.llamaCppVersion).tar.gz") }

    public func modelFile(_ spec: EmbeddedModelSpec) -> URL {
        models.appendingPathComponent(spec.fileName)
    }

    /// A short hash of the CPU's feature flags (`/proc/cpuinfo`), or of the architecture where absent.
    public static func cpuKey() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flagsLine = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") || $0.hasPrefix("Features") }
        let flags = flagsLine.map { line in
            line.split(separator: ":", maxSplits: 1).last.map { $0.split(separator: " ").sorted().joined() } ?? ""
        } ?? "unknown"
        #if arch(x86_64)
            let arch = "x86_64"
        #else
            let arch = "arm64"
        #endif
        let digest = SHA256.hash(data: Data((arch + flags).utf8))
        return digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
