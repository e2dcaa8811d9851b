import ArgumentParser

/// `hyperalign-bench`: the performance benchmarks, kept out of the `hyperalign` binary so the product
/// ships no load generator, test server or harness.
@main
struct HyPerAlignBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyperalign-bench",
        abstract: "Measure HyPerAlign's performance: the provider layer and embedded model (core), the service (service).",
        subcommands: [ProviderBenchCommand.self, ServiceBenchCommand.self, StrictProxyCommand.self],
        defaultSubcommand: ProviderBenchCommand.self)
}
