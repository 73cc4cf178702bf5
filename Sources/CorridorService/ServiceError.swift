import CorridorModel

/// A request the service refuses or cannot answer, with the HTTP status that fits it and, for a network
/// that fails validation, every problem located in it.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status: 400 a malformed request, 404 an unknown network or path, 413 a body over the cap,
    /// 422 a well-formed request the network cannot answer (an unknown id, an invalid posted network, no
    /// route), 500 corridor's own failure, 503 every solver busy or the time cap reached.
    public let status: Int
    public let message: String
    /// A posted network's validation problems, in file order; empty otherwise.
    public let problems: [Diagnostic]

    public init(status: Int, _ message: String, problems: [Diagnostic] = []) {
        self.status = status
        self.message = message
        self.problems = problems
    }

    /// A malformed request: not JSON, an unknown parameter, a value of the wrong type.
    public static func badRequest(_ message: String) -> ServiceError { ServiceError(status: 400, message) }

    /// A well-formed request the network cannot answer.
    public static func unprocessable(_ message: String) -> ServiceError { ServiceError(status: 422, message) }

    /// How the command line counts this failure (its exit code).
    public var kind: FailureKind {
        switch status {
        case 500: .internalError
        case 503: .noAnswer
        default: .badInput
        }
    }

    public var description: String { message }

    /// The error as the response body: `{"error": {"status", "message", "problems"}}`.
    public var json: JSONValue {
        var fields: [(key: String, value: JSONValue)] = [("status", .number(Double(status))), ("message", .string(message))]
        if !problems.isEmpty {
            fields.append(
                (
                    "problems",
                    .array(
                        problems.map { problem in
                            .object(
                                [("path", .string(problem.path)), ("message", .string(problem.message))]
                                    + (problem.suggestion.map { [("suggestion", JSONValue.string($0))] } ?? []))
                        })
                ))
        }
        return .object([("error", .object(fields))])
    }

    /// Any error met while answering a request, as the service reports it: its own as they are, the
    /// libraries' worded by ``FailureWording`` (bad input and no answer are 422, a solver failure 500), and
    /// anything else an internal error (500).
    public init(_ error: any Error) {
        if let error = error as? ServiceError {
            self = error
            return
        }
        let problems = (error as? NetworkValidationError)?.diagnostics ?? []
        guard let (message, kind) = FailureWording.describe(error, spelling: .request) else {
            self.init(status: 500, "internal error: \(error)")
            return
        }
        self.init(status: kind == .internalError ? 500 : 422, message, problems: problems)
    }
}
