import CorridorModel
import CorridorOutput
import CorridorService
import Foundation

/// The process exit codes of the command line (README, "Commands").
enum CorridorExit: Int32 {
    case success = 0
    /// An answer that is not a success: no route, the time limit reached.
    case noAnswer = 1
    /// The input (a file, a flag or an id) is wrong; the message says where and what.
    case badInput = 2
    /// corridor itself failed on input it had accepted; a bug to report.
    case internalError = 3
}

/// A failure the command line words itself, with its exit code.
protocol CorridorFailure: Error, CustomStringConvertible {
    var exit: CorridorExit { get }
}

/// Bad input found by a command: a file, a flag or an id. Exit 2.
struct BadInput: CorridorFailure {
    let message: String
    init(_ message: String) { self.message = message }
    var exit: CorridorExit { .badInput }
    var description: String { message }
}

/// A well-posed question without an answer: no route, nothing to allocate. Exit 1.
struct NoAnswer: CorridorFailure {
    let message: String
    init(_ message: String) { self.message = message }
    var exit: CorridorExit { .noAnswer }
    var description: String { message }
}

/// Where the command line's failures become messages and exit codes: its own (``CorridorFailure``) and
/// output errors here, the libraries' errors worded by ``FailureWording`` with options spelled `--name`.
/// An error neither knows is an internal error, never "bad input".
enum Failures {
    /// The message (without the `corridor: ` prefix) and exit code for `error` met by `command`.
    static func report(_ error: any Error, command: String) -> (message: String, exit: CorridorExit) {
        switch error {
        case let failure as any CorridorFailure: return (failure.description, failure.exit)
        case let error as OutputError:
            return (
                "\(error.path.escapingControlCharacters): cannot write: \(error.reason)"
                    + (error.forceWouldWrite ? ", or --force to write corridor's files beside them" : ""), .badInput
            )
        default:
            guard let (message, kind) = FailureWording.describe(error, spelling: .commandLine(command: command)) else {
                return ("internal error: \(error)", .internalError)
            }
            return (message, CorridorExit(kind))
        }
    }
}

extension CorridorExit {
    init(_ kind: FailureKind) {
        self = switch kind {
        case .badInput: .badInput
        case .noAnswer: .noAnswer
        case .internalError: .internalError
        }
    }
}

/// Where results and messages go: results to standard output, everything else to standard error.
enum Terminal {
    /// Set by `-q`/`--quiet` before the command runs: no progress, warnings or notes, only results and errors.
    nonisolated(unsafe) static var isQuiet = false

    /// Prints a warning or note (not an error) on standard error as ``printErrorLines(_:)`` does,
    /// unless `--quiet`.
    static func printNote(_ message: String) {
        if !isQuiet { printErrorLines(message) }
    }

    /// Prints a message on standard error after "corridor: ", with any control character in it (from a
    /// file name or a token) shown as an escape; the message's own line breaks stay.
    static func printError(_ message: String) { printErrorLines("corridor: " + message) }

    /// Prints a message of one or more lines on standard error as it is, control characters escaped
    /// within each line.
    static func printErrorLines(_ message: String) {
        let printable = message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).escapingControlCharacters }.joined(separator: "\n")
        writeError(printable + "\n")
    }

    /// Writes text to standard error as it is; a standard error that is closed or full is ignored (there
    /// is nowhere left to say so).
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// True when progress may be drawn on standard error: it is a terminal that understands carriage
    /// returns and escape codes (`TERM` is not `dumb`), the user did not ask for plain output
    /// (`NO_COLOR`, set to anything but empty, see no-color.org) and `--quiet` is not given.
    static var drawsProgress: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !isQuiet && isatty(STDERR_FILENO) != 0 && environment["TERM"] != "dumb" && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
