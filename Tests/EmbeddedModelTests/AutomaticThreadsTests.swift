import EmbeddedModel
import Testing

struct AutomaticThreadsTests {
    @Test func oneThreadPerIdleCoreAtMostOnePerSlot() {
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 2, load: 0.2) == 2)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 2, load: 1.4) == 1)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 2, load: 6) == 1)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 1, cores: 8, load: 0) == 1)
        #expect(LlamaServerConfiguration.automaticThreads(slots: 4, cores: 8, load: 3) == 4)
    }

    @Test func explicitThreadsWin() {
        #expect(LlamaServerConfiguration(slots: 4, threads: 3).threads == 3)
        #expect(LlamaServerConfiguration.automaticSlots >= 3)
    }
}
