import CorridorServer
import CorridorService
import Foundation
import Testing

/// The pool on its own, with jobs that hold their thread for a known time (a sleep ignores deadlines),
/// so that who waits and who times out does not depend on how fast a solve is.
struct SolverPoolTests {
    /// A request given up on while it waits leaves the queue: the next one finds its place free and
    /// waits in turn (it is not refused as if the queue were full).
    @Test func aRequestThatTimedOutLeavesTheQueue() async throws {
        let pool = SolverPool(workers: 1, queueLimit: 1, timeLimit: 0.3)
        // Holds the only thread for 1.2 s; its own caller is answered 503 at 0.3 s.
        async let holding: Void = {
            await #expect(throws: ServiceError.self) {
                try await pool.run { () -> Int in
                    Thread.sleep(forTimeInterval: 1.2)
                    return 1
                }
            }
        }()
        try await Task.sleep(for: .milliseconds(100))
        await #expect(throws: ServiceError.self) { try await pool.run { 2 } }
        #expect(pool.load.waiting == 0)
        do {
            _ = try await pool.run { 3 }
            Issue.record("the second waiting request was answered while the thread was held")
        } catch let error as ServiceError {
            #expect(error.status == 503)
            #expect(error.message.contains("stopped waiting"), "\(error.message)")
        }
        #expect(pool.load.waiting == 0)
        await holding
        // Once the thread is free again, a new request is answered.
        try await Task.sleep(for: .milliseconds(600))
        #expect(try await pool.run { 4 } == 4)
    }

    @Test func aFullQueueIsRefusedAtOnce() async throws {
        let pool = SolverPool(workers: 1, queueLimit: 1, timeLimit: 5)
        async let holding = pool.run { () -> Int in
            Thread.sleep(forTimeInterval: 0.6)
            return 1
        }
        try await Task.sleep(for: .milliseconds(100))
        async let queued = pool.run { 2 }
        try await Task.sleep(for: .milliseconds(100))
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try await pool.run { 3 }
            Issue.record("a request past a full queue was accepted")
        } catch let error as ServiceError {
            #expect(error.status == 503)
            #expect(error.message.contains("requests are waiting"), "\(error.message)")
        }
        #expect(clock.now - started < .milliseconds(300))
        #expect(try await holding == 1)
        #expect(try await queued == 2)
    }
}
