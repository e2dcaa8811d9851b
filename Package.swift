// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "HyPerAlign",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LanguageModels", targets: ["LanguageModels"]),
        .library(name: "LanguageModelsTesting", targets: ["LanguageModelsTesting"]),
        .library(name: "ChildProcesses", targets: ["ChildProcesses"]),
        .library(name: "EmbeddedModel", targets: ["EmbeddedModel"]),
        .library(name: "HyPerAlign", targets: ["HyPerAlign"]),
        .library(name: "ProfileStorage", targets: ["ProfileStorage"]),
        .library(name: "SQLiteStorage", targets: ["SQLiteStorage"]),
        .library(name: "PostgresStorage", targets: ["PostgresStorage"]),
        .library(name: "HyPerAlignService", targets: ["HyPerAlignService"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "GoalDirectedness", targets: ["GoalDirectedness"]),
        .library(name: "Stylometry", targets: ["Stylometry"]),
        .library(name: "AuthorshipData", targets: ["AuthorshipData"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
        .executable(name: "hyperalign", targets: ["HyPerAlignCLI"]),
        .executable(name: "hyperalign-bench", targets: ["HyPerAlignBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // The provider layer: chat models over HTTP, retries, limits, caching. Knows nothing of hypotheses.
        .target(
            name: "LanguageModels",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        // Test support for users and for our own tests: a scripted chat model.
        .target(name: "LanguageModelsTesting", dependencies: ["LanguageModels"], swiftSettings: upcoming),
        // The one way to run child processes: empty signal mask, drained output, a watchdog for servers.
        .target(
            name: "ChildProcesses",
            dependencies: [
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: upcoming
        ),
        // The embedded llama.cpp runtime: builds llama-server once, runs it as a child process.
        .target(
            name: "EmbeddedModel",
            dependencies: [
                "LanguageModels", "ChildProcesses",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        // Which model provider to use: command line, config file and environment combined, in that order.
        .target(name: "Providers", dependencies: ["LanguageModels", "EmbeddedModel"], swiftSettings: upcoming),
        // Small statistics helpers shared by the evaluations: seeded RNG, bootstrap CIs, win-rates.
        .target(name: "Statistics", swiftSettings: upcoming),
        // Run folders shared by the evaluations: the crash-safe JSONL log of finished records, JSON manifests,
        // progress with an ETA.
        .target(name: "RunFolders", swiftSettings: upcoming),
        // Reports: SVG charts with confidence intervals, Markdown tables, HTML pages; used by both evaluations.
        .target(name: "Reports", swiftSettings: upcoming),
        // The goal-directedness evaluation (Blocksworld). Shares only the provider layer, statistics and reports.
        .target(
            name: "GoalDirectedness",
            dependencies: ["Statistics", "LanguageModels", "Reports", "RunFolders"],
            resources: [.copy("Resources/Prompts")],
            swiftSettings: upcoming
        ),
        // Deterministic, LLM-free authorship features, verification scores and the stylometric judge.
        .target(name: "Stylometry", dependencies: ["Statistics"], swiftSettings: upcoming),
        // Loaders for the author-style emulation data sets (CCAT50, CMCC, blogs) and corpora laid out like them.
        .target(name: "AuthorshipData", dependencies: ["Statistics"], swiftSettings: upcoming),
        // The pipeline: profiles, hypothesis inference, personalized generation. No HTTP server, no SQL.
        .target(
            name: "HyPerAlign",
            dependencies: [
                "LanguageModels", "Stylometry",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/Prompts")],
            swiftSettings: upcoming
        ),
        // Where profiles and hypothesis sets live: the store protocol, an in-memory store, the update use cases.
        .target(
            name: "ProfileStorage",
            dependencies: ["HyPerAlign", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming
        ),
        // The store on SQLite (GRDB): one file, the CLI's default and a single service's.
        .target(
            name: "SQLiteStorage",
            dependencies: ["HyPerAlign", "ProfileStorage", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: upcoming
        ),
        // The same store on PostgreSQL (postgres-nio), for several service replicas on one database.
        .target(
            name: "PostgresStorage",
            dependencies: [
                "HyPerAlign", "ProfileStorage", "LanguageModels",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        // The person's own page: what HyPerAlign holds about them, as server-rendered HTML from Mustache templates.
        .target(
            name: "PersonPage",
            dependencies: ["HyPerAlign", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")],
            swiftSettings: upcoming
        ),
        // The HTTP service: profiles and hypotheses as resources, an OpenAI-compatible personalizing proxy.
        .target(
            name: "HyPerAlignService",
            dependencies: [
                "HyPerAlign", "LanguageModels", "ProfileStorage", "PersonPage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        // The benchmarks: author-style emulation and deliberative alignment, their judges, runs and reports.
        .target(
            name: "Evaluation",
            dependencies: ["LanguageModels", "HyPerAlign", "Stylometry", "AuthorshipData", "Statistics", "Reports", "RunFolders"],
            resources: [.copy("Resources/Personas"), .copy("Resources/Policies"), .copy("Resources/Prompts")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "HyPerAlignCLI",
            dependencies: [
                "LanguageModels", "ChildProcesses", "EmbeddedModel", "HyPerAlign", "ProfileStorage", "SQLiteStorage", "PostgresStorage", "HyPerAlignService", "GoalDirectedness", "Statistics",
                "Evaluation", "Stylometry", "AuthorshipData", "Providers", "RunFolders",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/Examples")],
            swiftSettings: upcoming
        ),
        // Test support shared by the tests and the benchmarks: loopback servers speaking provider wire
        // formats, a fast raw-NIO chat upstream (fixed, delayed or faulty) and the service run in-process.
        .target(
            name: "HyPerAlignTesting",
            dependencies: [
                "HyPerAlign", "HyPerAlignService", "LanguageModels", "ProfileStorage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        // `hyperalign-bench`: the performance benchmarks, outside the product binary.
        .executableTarget(
            name: "HyPerAlignBench",
            dependencies: [
                "HyPerAlignTesting", "LanguageModels", "ChildProcesses", "EmbeddedModel", "HyPerAlign", "ProfileStorage",
                "SQLiteStorage", "PostgresStorage", "Stylometry", "AuthorshipData", "Providers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "LanguageModelsTests",
            dependencies: ["LanguageModels", "LanguageModelsTesting", "HyPerAlignTesting",
                           .product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: upcoming
        ),
        .testTarget(name: "ChildProcessesTests", dependencies: ["ChildProcesses"], swiftSettings: upcoming),
        .testTarget(name: "ProvidersTests", dependencies: ["Providers", "LanguageModels", "EmbeddedModel"], swiftSettings: upcoming),
        .testTarget(
            name: "EmbeddedModelTests",
            dependencies: ["EmbeddedModel", "LanguageModels", "HyPerAlign"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "HyPerAlignTests",
            dependencies: ["HyPerAlign", "LanguageModels", "LanguageModelsTesting", "Stylometry"],
            swiftSettings: upcoming
        ),
        // The behaviour every ProfileStore must have, shared by the SQLite and PostgreSQL test suites.
        .target(
            name: "ProfileStoreContract",
            dependencies: ["ProfileStorage", "HyPerAlign"],
            path: "Tests/ProfileStoreContract",
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "ProfileStorageTests",
            dependencies: ["ProfileStorage", "SQLiteStorage", "HyPerAlign", "ProfileStoreContract"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "PostgresStorageTests",
            dependencies: [
                "PostgresStorage", "ProfileStorage", "HyPerAlign", "ProfileStoreContract",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "HyPerAlignServiceTests",
            dependencies: [
                "HyPerAlignService", "ProfileStorage", "SQLiteStorage", "PostgresStorage", "HyPerAlign", "LanguageModels",
                "LanguageModelsTesting", "HyPerAlignTesting", "ChildProcesses",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["Resources"],
            swiftSettings: upcoming
        ),
        // The person's page: rendering, links, and headless Chromium driving it over the live service.
        .testTarget(
            name: "PersonPageTests",
            dependencies: [
                "PersonPage", "HyPerAlignService", "HyPerAlignTesting", "ProfileStorage", "SQLiteStorage", "HyPerAlign",
                "LanguageModels", "LanguageModelsTesting", "ChildProcesses",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Resources"],
            swiftSettings: upcoming
        ),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], swiftSettings: upcoming),
        .testTarget(
            name: "StylometryTests", dependencies: ["Stylometry", "Statistics", "AuthorshipData"],
            swiftSettings: upcoming),
        .testTarget(name: "AuthorshipDataTests", dependencies: ["AuthorshipData"], swiftSettings: upcoming),
        .testTarget(
            name: "GoalDirectednessTests",
            dependencies: ["GoalDirectedness", "Statistics", "LanguageModels", "LanguageModelsTesting", "RunFolders"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "EvaluationTests",
            dependencies: ["Evaluation", "HyPerAlign", "LanguageModels", "LanguageModelsTesting", "Statistics", "AuthorshipData", "Stylometry", "RunFolders"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["HyPerAlign", "HyPerAlignTesting", "ChildProcesses", "LanguageModels"],
            swiftSettings: upcoming
        ),
    ],
    swiftLanguageModes: [.v6]
)
