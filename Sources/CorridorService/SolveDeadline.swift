import CorridorLP

/// A deadline for the solves of one request on the calling thread (``CorridorLP/GLPK/withDeadline(seconds:_:)``):
/// every GLPK solve started within `body` ends by it, and one started after it throws at once, so a request
/// the server has given up on stops using its solver thread at its next solve.
public enum SolveDeadline {
    public static func run<Value>(seconds: Double, _ body: () throws -> Value) rethrows -> Value {
        try GLPK.withDeadline(seconds: seconds, body)
    }
}
