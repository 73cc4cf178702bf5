import ArgumentParser
import CorridorModel
import CorridorReports
import Foundation
import Synchronization

/// `--time-limit`, shared by every command that solves something.
struct SolveOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Stop with exit code 1 after this many seconds (default: no limit).")
    var timeLimit: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 1e6) {
            throw ValidationError("--time-limit must be a number of seconds above 0 and at most 1e6, not \(timeLimit)")
        }
    }

    /// Starts the watch of this run (see ``SolveWatch``); `showsProgress: false` for a command that
    /// draws its own progress.
    func startWatch(for command: String, showsProgress: Bool = true) {
        SolveWatch.shared.start(limit: timeLimit, command: command, showsProgress: showsProgress)
    }
}

/// A background timer for the one command a process runs: it ends the process with exit code 1 and a
/// sentence once `--time-limit` has passed, and on a terminal it shows the seconds spent once a solve
/// takes more than two. A file being written is left whole or not at all (the output policy's temporary
/// file is removed by the next run to the same target).
final class SolveWatch: Sendable {
    static let shared = SolveWatch()

    /// `shown`: the seconds on the progress line, 0 while there is none.
    private enum State { case idle, running(shown: Int), finished }
    private let state = Mutex(State.idle)

    /// Seconds before the progress line appears.
    private static let quietSeconds = 2

    func start(limit: Double?, command: String, showsProgress: Bool) {
        let drawsProgress = showsProgress && Terminal.drawsProgress
        guard limit != nil || drawsProgress else { return }
        state.withLock { $0 = .running(shown: 0) }
        let started = ContinuousClock.now
        Thread.detachNewThread { [self] in
            var watching = true
            while watching {
                Thread.sleep(forTimeInterval: 0.05)
                let seconds = started.duration(to: .now).seconds
                watching = state.withLock { state in
                    guard case .running(let shown) = state else { return false }
                    if let limit, seconds >= limit {
                        let text = (shown > 0 ? "\r\u{1B}[K" : "") + "corridor: \(command) stopped at the time limit of "
                            + "\(JSONValue.format(limit)) s (--time-limit)\n"
                        Terminal.writeError(text)
                        _exit(CorridorExit.noAnswer.rawValue)
                    }
                    if drawsProgress, Int(seconds) >= Self.quietSeconds, Int(seconds) > shown {
                        Terminal.writeError("\r\(command): solving… \(Int(seconds)) s")
                        state = .running(shown: Int(seconds))
                    }
                    return true
                }
            }
        }
    }

    /// Called once the command is done: the limit no longer applies and the progress line is cleared.
    func finish() {
        state.withLock { state in
            if case .running(let shown) = state, shown > 0 { Terminal.writeError("\r\u{1B}[K") }
            state = .finished
        }
    }
}
