import CorridorModel
import CorridorService
import Foundation
import Synchronization

/// The threads that solve: a fixed number of workers, each with its own GLPK environment, and a bounded
/// queue of requests waiting for one.
///
/// GLPK keeps its environment per thread and a problem must stay on the thread that made it, so every
/// solve of a request runs start to finish on one worker thread, never on Swift's cooperative pool (where
/// a task may move between threads at an `await`). `workers` caps concurrent solves; a request that finds
/// `queueLimit` others waiting gets 503 at once; a request not answered within `timeLimit` seconds gets
/// 503, leaves the queue if it is still waiting, and its late answer is dropped. Its solves carry the same
/// deadline (``CorridorService/SolveDeadline``): GLPK stops at it, and every later solve of the request
/// refuses to start, so the thread is soon free. Work between solves is bounded by what a request may ask
/// for (``CorridorService/ServiceLimits``, the body cap and the posted network's size).
public final class SolverPool: Sendable {
    public let workers: Int
    public let queueLimit: Int
    public let timeLimit: Double

    private struct Job {
        let id: Int
        let run: @Sendable (SolverThread) -> Void
    }

    private struct State {
        var waiting: [Job] = []
        var busy = 0
        /// Jobs accepted so far, for their ids.
        var jobs = 0
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    public init(workers: Int, queueLimit: Int, timeLimit: Double) {
        self.workers = max(1, workers)
        self.queueLimit = max(0, queueLimit)
        self.timeLimit = timeLimit
        for index in 0..<self.workers {
            let thread = Thread { [self] in work() }
            thread.name = "corridor-solver-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The requests waiting and the solves running now.
    public var load: (waiting: Int, running: Int) { state.withLock { ($0.waiting.count, $0.busy) } }

    private func work() {
        let thread = SolverThread()
        while true {
            available.wait()
            guard let job = state.withLock({ state -> Job? in
                guard !state.waiting.isEmpty else { return nil }
                state.busy += 1
                return state.waiting.removeFirst()
            }) else { continue }
            job.run(thread)
            state.withLock { $0.busy -= 1 }
        }
    }

    /// Runs `body` on a worker thread and returns what it returns or throws.
    ///
    /// - Throws: ``CorridorService/ServiceError`` 503 when the queue is full or the time limit passes first.
    public func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await run { _ in try body() }
    }

    /// Runs `body` on a worker thread with what that thread keeps between requests (``SolverThread``).
    public func run<Value: Sendable>(_ body: @escaping @Sendable (SolverThread) throws -> Value) async throws -> Value {
        let resumed = Mutex(false)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            /// Resumes once: with the answer, or with the time limit, whichever comes first.
            @Sendable func finish(_ result: Result<Value, any Error>) {
                let first = resumed.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: result) }
            }
            let limit = timeLimit
            let queued = ContinuousClock.now
            let id = state.withLock { state -> Int? in
                guard state.waiting.count < queueLimit else { return nil }
                state.jobs += 1
                let id = state.jobs
                state.waiting.append(
                    Job(id: id) { thread in
                        // A request that timed out while waiting is not solved at all; one still waiting has
                        // what is left of its time for its solves.
                        guard !resumed.withLock({ $0 }) else { return }
                        let waited = (ContinuousClock.now - queued).components
                        let left = limit - Double(waited.seconds) - Double(waited.attoseconds) / 1e18
                        finish(Result { try SolveDeadline.run(seconds: max(left, 0.001)) { try body(thread) } })
                    })
                return id
            }
            guard let id else {
                finish(.failure(ServiceError(status: 503, "every solver is busy and \(queueLimit) requests are waiting; try again")))
                return
            }
            available.signal()
            DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [self] in
                // A request given up on leaves the queue, so that it holds no place there.
                state.withLock { $0.waiting.removeAll { $0.id == id } }
                finish(
                    .failure(
                        ServiceError(
                            status: 503,
                            "stopped waiting at the server's time limit of \(JSONValue.format(limit)) s; "
                                + "ask for less (fewer steps or draws) or use the command line")))
            }
        }
    }
}

/// What one solver thread keeps between requests: GLPK problems, which must stay on the thread that
/// made them. Used only on its own thread.
public final class SolverThread {
    /// The explorer's loaded programs, re-solved warm when a slider moves.
    public let explorer = ExplorerSolvers()
}

