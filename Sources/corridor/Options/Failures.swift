import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorOutput
import CorridorRouting
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

/// The one place where the library's errors become the command line's messages and exit codes. The
/// library names roles and parts of a request (origin, minimum); here they become the options that set
/// them (`--from`, `--min`). An error this file does not know is an internal error, never "bad input".
enum Failures {
    /// The message (without the `corridor: ` prefix) and exit code for `error` met by `command`.
    static func report(_ error: any Error, command: String) -> (message: String, exit: CorridorExit) {
        switch error {
        case let failure as any CorridorFailure: (failure.description, failure.exit)
        case let error as NetworkValidationError: (error.description, .badInput)
        case let error as UnknownScenarioError: (error.description, .badInput)
        case let error as InputFileError: (error.description, .badInput)
        case let error as NetworkCSVError: (error.description, .badInput)
        case let error as DIMACSError: (error.description, .badInput)
        case let error as OutputError:
            (
                "\(error.path.escapingControlCharacters): cannot write: \(error.reason)"
                    + (error.forceWouldWrite ? ", or --force to write corridor's files beside them" : ""), .badInput
            )
        case let error as ElementResolutionError: (resolution(error, command: command), .badInput)
        case let error as RouteError: route(error)
        case let error as MaxFlowNetworkError: (maxFlow(error), .badInput)
        case let error as AllocationError: allocation(error)
        case let error as ImpactError: impact(error, command: command)
        case let error as SweepRequestError: (sweepRequest(error), .badInput)
        case let error as UncertaintyError: (uncertainty(error, command: command), .badInput)
        default: ("internal error: \(error)", .internalError)
        }
    }

    /// The option that names an element in this role.
    static func option(for role: ElementRole, command: String) -> String {
        switch role {
        case .origin, .source: "--from"
        case .destination, .sink: "--to"
        case .via: "--via"
        case .avoided: "--avoid"
        case .sweptCapacity: command == "report" ? "--sweep" : "--capacity"
        case .sweptCost: "--cost"
        case .changedCapacity: "--capacity"
        case .changedCost: "--cost"
        }
    }

    private static func resolution(_ error: ElementResolutionError, command: String) -> String {
        "\(option(for: error.role, command: command)) \(error.id.escapingControlCharacters): \(error.problem)"
    }

    private static func route(_ error: RouteError) -> (String, CorridorExit) {
        switch error {
        case .noRoute(let reason): ("no route: \(reason)", .noAnswer)
        case .limitBelowOne(let limit): ("--k must be at least 1, not \(limit)", .badInput)
        default: (error.description, .badInput)
        }
    }

    private static func maxFlow(_ error: MaxFlowNetworkError) -> String {
        switch error {
        case .sourceIsSink(let id, fromDemands: false):
            "node \"\(id)\" is both a source and a sink; name disjoint sets with --from and --to"
        case .sourceIsSink(let id, fromDemands: true):
            "node \"\(id)\" is an origin of one demand and the destination of another, so the default sources and "
                + "sinks overlap; name disjoint sets with --from and --to"
        case .noEnds(let role, let scenario):
            "scenario \"\(scenario)\" has no servable demand to take the \(role.rawValue)s from; name them with "
                + option(for: role, command: "maxflow")
        case .unsolvable: error.description
        }
    }

    private static func allocation(_ error: AllocationError) -> (String, CorridorExit) {
        switch error {
        case .outOfRange, .notAdjustable: (error.description, .badInput)
        case .solver: (error.description, .internalError)
        }
    }

    private static func impact(_ error: ImpactError, command: String) -> (String, CorridorExit) {
        switch error {
        case .element(let error): (resolution(error, command: command), .badInput)
        case .sweepRequest(let error): (sweepRequest(error), .badInput)
        case .inconsistentShards(let text): (text, .badInput)
        case .allocation(let error): allocation(error)
        case .scenario(let error): (error.description, .badInput)
        case .investment(let text): (text, .badInput)
        case .uncertainty(let error): (uncertainty(error, command: command), .badInput)
        // The sentence SolveWatch prints when it stops the command at the same limit.
        case .timeLimit(let seconds): ("\(command) stopped at the time limit of \(JSONValue.format(seconds)) s (--time-limit)", .noAnswer)
        }
    }

    /// `report` takes the number of draws as `--uncertainty N`, `uncertainty` as `--draws N`.
    private static func uncertainty(_ error: UncertaintyError, command: String) -> String {
        let draws = command == "report" ? "--uncertainty" : "--draws"
        return switch error {
        case .tooFewDraws(let count): "\(draws) \(count): needs at least 1 draw"
        case .tooManyDraws(let count, let limit): "\(draws) \(count): at most \(limit) in one run"
        case .seedTooLarge(let seed, let limit): "--seed \(seed): at most \(limit) (2^53 − 1)"
        case .tooManyShards: "--" + error.description
        case .unknownInput: "--inputs: " + error.description
        case .noInputs, .inapplicable: error.description
        }
    }

    private static func sweepRequest(_ error: SweepRequestError) -> String {
        func flag(_ bound: SweepBound) -> String { bound == .minimum ? "--min" : "--max" }
        switch error {
        case .tooFewSteps(let steps): return "--steps \(steps): needs at least 1 point"
        case .tooManySteps(let steps, let limit): return "--steps \(steps): at most \(limit) points; sweep a narrower range in shards"
        case .notFinite(let bound, let value): return "\(flag(bound)) \(value): not a finite number"
        case .minimumAboveMaximum(let minimum, let maximum):
            return "--min \(JSONValue.format(minimum)) is above --max \(JSONValue.format(maximum))"
        case .negative(let bound, let value, let noun):
            return "\(flag(bound)) \(JSONValue.format(value)): a \(noun) cannot be negative"
        case .aboveLimit(let bound, let value, let noun, let limit):
            return "\(flag(bound)) \(JSONValue.format(value)): a \(noun) is at most \(ModelLimits.written(limit))"
        case .shardOutOfRange, .shardSyntax, .tooManyShards: return "--" + error.description
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
