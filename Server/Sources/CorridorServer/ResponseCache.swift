import Foundation
import Hummingbird
import Synchronization

/// Answers already given, by request, within a budget of bytes: the same question on the same version
/// of a network file gets the same bytes without a solve. Entries leave oldest first when the budget is
/// full; a file's new version is a new key, so nothing stale is ever served. A question asked again while
/// its first asking is still being solved waits for that answer instead of solving it twice.
///
/// Answers are kept as byte buffers: a hit shares the kept bytes with the response instead of copying
/// them (an allocation answer is a quarter of a megabyte; copying it was most of a hit's cost).
public final class ResponseCache: Sendable {
    public let budget: Int

    private struct State {
        var entries: [String: ByteBuffer] = [:]
        var order: [String] = []
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    private let inFlight = Mutex<[String: Task<ByteBuffer, any Error>]>([:])

    /// - Parameter budget: the most bytes of answers kept; 0 keeps none.
    public init(budget: Int) { self.budget = max(0, budget) }

    /// The answer for `key`: kept, being solved for another request, or solved now by `solve` (and kept).
    /// The second element is true when no solve was started for this call.
    public func answer(for key: String, solve: @escaping @Sendable () async throws -> String) async throws -> (ByteBuffer, Bool) {
        // No cache, no sharing either: every request solves (what `--cache-mb 0` is for).
        guard budget > 0 else { return (ByteBuffer(string: try await solve()), false) }
        if let bytes = answer(for: key) { return (bytes, true) }
        var started = false
        let task = inFlight.withLock { tasks in
            if let running = tasks[key] { return running }
            started = true
            let task = Task { ByteBuffer(string: try await solve()) }
            tasks[key] = task
            return task
        }
        defer { if started { _ = inFlight.withLock { $0.removeValue(forKey: key) } } }
        let bytes = try await task.value
        if started { store(bytes, for: key) }
        return (bytes, !started)
    }

    public func answer(for key: String) -> ByteBuffer? {
        state.withLock { state in
            let found = state.entries[key]
            if found == nil { state.misses += 1 } else { state.hits += 1 }
            return found
        }
    }

    public func store(_ answer: ByteBuffer, for key: String) {
        let size = answer.readableBytes + key.utf8.count
        guard size <= budget else { return }
        state.withLock { state in
            guard state.entries[key] == nil else { return }
            while state.bytes + size > budget, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                if let removed = state.entries.removeValue(forKey: oldest) { state.bytes -= removed.readableBytes + oldest.utf8.count }
            }
            state.entries[key] = answer
            state.order.append(key)
            state.bytes += size
        }
    }

    /// Hits, misses, entries and bytes held, for `GET /health`.
    public var statistics: (hits: Int, misses: Int, entries: Int, bytes: Int) {
        state.withLock { ($0.hits, $0.misses, $0.entries.count, $0.bytes) }
    }
}
