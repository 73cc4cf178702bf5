import CorridorModel
import Foundation

/// The process exit codes of DESIGN's command line.
enum CorridorExit: Int32 {
    case success = 0
    /// An answer that is not a success: no route, an infeasible allocation.
    case noAnswer = 1
    /// The input (a file or a flag) is wrong; the message says where and what.
    case badInput = 2
    /// corridor itself failed on input it had accepted; a bug to report.
    case internalError = 3
}

/// An error a command reports to the user, with the exit code it ends the process with.
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

extension NetworkValidationError: CorridorFailure {
    var exit: CorridorExit { .badInput }
}

extension UnknownScenarioError: CorridorFailure {
    var exit: CorridorExit { .badInput }
}

/// Where results and messages go: results to standard output, everything else to standard error.
enum Terminal {
    /// Prints a message on standard error after "corridor: ", with any control character in it (from a
    /// file name or a token) shown as an escape; the message's own line breaks stay.
    static func printError(_ message: String) {
        let printable = message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).escapingControlCharacters }.joined(separator: "\n")
        FileHandle.standardError.write(Data(("corridor: " + printable + "\n").utf8))
    }

    /// Writes a result to standard output exactly as given (a trailing newline is added when missing).
    static func emit(_ text: String) {
        let output = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// True when progress may be drawn on standard error: it is a terminal that understands carriage
    /// returns and escape codes (`TERM` is not `dumb`).
    static var drawsProgress: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
