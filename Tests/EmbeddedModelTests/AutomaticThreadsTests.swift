@testable import EmbeddedModel
import Testing

struct AutomaticThreadsTests {
    @Test func oneThreadPerIdleCoreAtMostOnePerSlot() {
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 2, load: 0.2) == 2)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 2, load: 1.4) == 1)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 2, load: 6) == 1)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 1, cores: 8, load: 0) == 1)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 8, load: 3) == 4)
    }

    /// The sample reads this machine's `/proc/stat`: some share of its cores, never more than all of them.
    @Test func busyCoresAreSampledNow() async throws {
        let busy = try #require(await ProcessInfoCores.busyCores())
        #expect(busy >= 0 && busy <= Double(ProcessInfoCores.count) + 0.01)
        let times = try #require(ProcessInfoCores.cpuTimes())
        #expect(times.total > times.idle)
    }

    @Test func explicitThreadsWin() {
        #expect(LlamaServerConfiguration(slots: 4, threads: 3).threads == 3)
        #expect(LlamaServerConfiguration.automaticSlots >= 3)
    }
}
