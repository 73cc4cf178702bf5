import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorRouting

/// How a failure counts, for the command line's exit code and the server's HTTP status.
public enum FailureKind: Sendable, Equatable {
    /// The input (a file, a flag, a parameter or an id) is wrong; the message says where and what.
    case badInput
    /// A well-posed question without an answer: no route, the time limit reached.
    case noAnswer
    /// corridor itself failed on input it had accepted; a bug to report.
    case internalError
}

/// How a request's parameters are written where a message names one: `--from` on the command line,
/// `from` in an HTTP request.
public enum ParameterSpelling: Sendable {
    /// The command line: `--name`; `command` is the subcommand (report names some parameters its own way).
    case commandLine(command: String)
    /// An HTTP request's JSON body or query: `name`.
    case request

    /// `name` as this front end writes it.
    public func spell(_ name: String) -> String {
        switch self {
        case .commandLine: "--" + name
        case .request: name
        }
    }

    /// The parameter that names an element in this role.
    public func parameter(for role: ElementRole) -> String {
        let isReport = if case .commandLine("report") = self { true } else { false }
        return switch role {
        case .origin, .source: spell("from")
        case .destination, .sink: spell("to")
        case .via: spell("via")
        case .avoided: spell("avoid")
        case .sweptCapacity: spell(isReport ? "sweep" : "capacity")
        case .sweptCost: spell("cost")
        case .changedCapacity: spell("capacity")
        case .changedCost: spell("cost")
        }
    }
}

/// The one place where the libraries' errors become sentences for people, for the command line and the
/// server alike. The libraries name roles and parts of a request (origin, minimum); here they become the
/// parameters that set them. An error this file does not know is `nil`: the caller reports it as an
/// internal error, never as bad input.
public enum FailureWording {
    /// The message and kind of `error`, or `nil` for an error that is not one of the libraries' own.
    public static func describe(_ error: any Error, spelling: ParameterSpelling) -> (message: String, kind: FailureKind)? {
        switch error {
        case let error as ServiceError: (error.message, error.kind)
        case let error as NetworkValidationError: (error.description, .badInput)
        case let error as UnknownScenarioError: (error.description, .badInput)
        case let error as InputFileError: (error.description, .badInput)
        case let error as NetworkCSVError: (error.description, .badInput)
        case let error as DIMACSError: (error.description, .badInput)
        case let error as ElementResolutionError: (resolution(error, spelling: spelling), .badInput)
        case let error as RouteError: route(error, spelling: spelling)
        case let error as MaxFlowNetworkError: (maxFlow(error, spelling: spelling), .badInput)
        case let error as AllocationError: allocation(error)
        case let error as ImpactError: impact(error, spelling: spelling)
        case let error as SweepRequestError: (sweepRequest(error, spelling: spelling), .badInput)
        case let error as UncertaintyError: (uncertainty(error, spelling: spelling), .badInput)
        default: nil
        }
    }

    private static func resolution(_ error: ElementResolutionError, spelling: ParameterSpelling) -> String {
        "\(spelling.parameter(for: error.role)) \(error.id.escapingControlCharacters): \(error.problem)"
    }

    private static func route(_ error: RouteError, spelling: ParameterSpelling) -> (String, FailureKind) {
        switch error {
        case .noRoute(let reason): ("no route: \(reason)", .noAnswer)
        case .limitBelowOne(let limit): ("\(spelling.spell("k")) must be at least 1, not \(limit)", .badInput)
        default: (error.description, .badInput)
        }
    }

    private static func maxFlow(_ error: MaxFlowNetworkError, spelling: ParameterSpelling) -> String {
        let (from, to) = (spelling.spell("from"), spelling.spell("to"))
        return switch error {
        case .sourceIsSink(let id, fromDemands: false):
            "node \"\(id)\" is both a source and a sink; name disjoint sets with \(from) and \(to)"
        case .sourceIsSink(let id, fromDemands: true):
            "node \"\(id)\" is an origin of one demand and the destination of another, so the default sources and "
                + "sinks overlap; name disjoint sets with \(from) and \(to)"
        case .noEnds(let role, let scenario):
            "scenario \"\(scenario)\" has no servable demand to take the \(role.rawValue)s from; name them with "
                + spelling.parameter(for: role)
        case .unsolvable: error.description
        }
    }

    private static func allocation(_ error: AllocationError) -> (String, FailureKind) {
        switch error {
        case .outOfRange, .notAdjustable: (error.description, .badInput)
        case .solver: (error.description, .internalError)
        }
    }

    private static func impact(_ error: ImpactError, spelling: ParameterSpelling) -> (String, FailureKind) {
        switch error {
        case .element(let error): (resolution(error, spelling: spelling), .badInput)
        case .sweepRequest(let error): (sweepRequest(error, spelling: spelling), .badInput)
        case .inconsistentShards(let text): (text, .badInput)
        case .allocation(let error): allocation(error)
        case .scenario(let error): (error.description, .badInput)
        case .investment(let text): (text, .badInput)
        case .uncertainty(let error): (uncertainty(error, spelling: spelling), .badInput)
        case .timeLimit(let seconds): (timeLimit(seconds, spelling: spelling), .noAnswer)
        }
    }

    /// On the command line, the sentence the time-limit watch prints when it stops a command itself.
    private static func timeLimit(_ seconds: Double, spelling: ParameterSpelling) -> String {
        switch spelling {
        case .commandLine(let command): "\(command) stopped at the time limit of \(JSONValue.format(seconds)) s (--time-limit)"
        case .request: "stopped at the time limit of \(JSONValue.format(seconds)) s"
        }
    }

    /// `report` takes the number of draws as `--uncertainty N`, everything else as `draws`.
    private static func uncertainty(_ error: UncertaintyError, spelling: ParameterSpelling) -> String {
        let draws = if case .commandLine("report") = spelling { "--uncertainty" } else { spelling.spell("draws") }
        return switch error {
        case .tooFewDraws(let count): "\(draws) \(count): needs at least 1 draw"
        case .tooManyDraws(let count, let limit): "\(draws) \(count): at most \(limit) in one run"
        case .seedTooLarge(let seed, let limit): "\(spelling.spell("seed")) \(seed): at most \(limit) (2^53 − 1)"
        case .tooManyShards: spelling.spell(error.description)
        case .unknownInput: "\(spelling.spell("inputs")): " + error.description
        case .noInputs, .inapplicable: error.description
        }
    }

    private static func sweepRequest(_ error: SweepRequestError, spelling: ParameterSpelling) -> String {
        func flag(_ bound: SweepBound) -> String { spelling.spell(bound == .minimum ? "min" : "max") }
        switch error {
        case .tooFewSteps(let steps): return "\(spelling.spell("steps")) \(steps): needs at least 1 point"
        case .tooManySteps(let steps, let limit):
            return "\(spelling.spell("steps")) \(steps): at most \(limit) points; sweep a narrower range in shards"
        case .notFinite(let bound, let value): return "\(flag(bound)) \(value): not a finite number"
        case .minimumAboveMaximum(let minimum, let maximum):
            return "\(flag(.minimum)) \(JSONValue.format(minimum)) is above \(flag(.maximum)) \(JSONValue.format(maximum))"
        case .negative(let bound, let value, let noun):
            return "\(flag(bound)) \(JSONValue.format(value)): a \(noun) cannot be negative"
        case .aboveLimit(let bound, let value, let noun, let limit):
            return "\(flag(bound)) \(JSONValue.format(value)): a \(noun) is at most \(ModelLimits.written(limit))"
        case .shardOutOfRange, .shardSyntax, .tooManyShards: return spelling.spell(error.description)
        }
    }
}
