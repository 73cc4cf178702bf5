import CorridorServer
import Hummingbird
import Synchronization
import Testing

/// The answer cache on its own: its byte budget, its oldest-first eviction and its single flight.
struct ResponseCacheTests {
    /// Keys and answers of 10 bytes each (5 + 5): a budget of 25 holds two entries, never three.
    @Test func keepsWithinItsBudgetAndDropsTheOldestFirst() async throws {
        let cache = ResponseCache(budget: 25)
        for key in ["key-a", "key-b", "key-c"] { _ = try await cache.answer(for: key) { "\(key.suffix(1))0123" } }
        #expect(cache.statistics.entries == 2)
        #expect(cache.statistics.bytes == 20)
        #expect(cache.answer(for: "key-a") == nil)
        #expect(cache.answer(for: "key-c").map { String(buffer: $0) } == "c0123")
        let (again, cached) = try await cache.answer(for: "key-b") { "never solved" }
        #expect(String(buffer: again) == "b0123")
        #expect(cached)
    }

    @Test func anAnswerLargerThanTheBudgetIsGivenButNotKept() async throws {
        let cache = ResponseCache(budget: 8)
        let (answer, cached) = try await cache.answer(for: "key") { "longer than eight bytes" }
        #expect(String(buffer: answer) == "longer than eight bytes")
        #expect(!cached)
        #expect(cache.statistics.entries == 0)
    }

    @Test func withoutABudgetEveryRequestSolves() async throws {
        let cache = ResponseCache(budget: 0)
        let solves = Counter()
        for _ in 0..<3 {
            _ = try await cache.answer(for: "key") {
                solves.add()
                return "answer"
            }
        }
        #expect(solves.value == 3)
    }

    /// Questions asked while the first asking is being solved share its solve.
    @Test func concurrentAskingsShareOneSolve() async throws {
        let cache = ResponseCache(budget: 1 << 20)
        let solves = Counter()
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let (bytes, _) = try await cache.answer(for: "key") {
                        solves.add()
                        try await Task.sleep(for: .milliseconds(200))
                        return "shared"
                    }
                    return String(buffer: bytes)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == Array(repeating: "shared", count: 8))
        #expect(solves.value == 1)
    }
}

/// A count shared by concurrent solves.
private final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add() { count.withLock { $0 += 1 } }
}
