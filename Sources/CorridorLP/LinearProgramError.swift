/// Everything wrong with a ``LinearProgram``, found by ``LinearProgram/validate()`` before GLPK sees it.
///
/// A program is built by code, not typed by a user, so these point at a bug in the model builder; callers
/// should report them as internal errors.
public struct LinearProgramError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each problem, in row/column order after misuses of the setters.
    public let issues: [LinearProgramIssue]

    public var description: String {
        "invalid linear program: " + issues.map(\.description).joined(separator: "; ")
    }
}

/// One problem in a ``LinearProgram``, naming the row or column it concerns.
public enum LinearProgramIssue: Sendable, Equatable, CustomStringConvertible {
    /// Where a problem is.
    public enum Place: Sendable, Equatable, CustomStringConvertible {
        case row(Int, name: String)
        case column(Int, name: String)
        case objectiveConstant

        var index: Int {
            switch self {
            case .row(let index, _), .column(let index, _): index
            case .objectiveConstant: -1
            }
        }

        public var description: String {
            switch self {
            case .row(let index, let name): "row \(index) \"\(Self.printable(name))\""
            case .column(let index, let name): "column \(index) \"\(Self.printable(name))\""
            case .objectiveConstant: "objective"
            }
        }

        /// Names may be the very thing that is wrong: escape control characters and cut long ones.
        private static func printable(_ name: String) -> String {
            let escaped = name.unicodeScalars.map { $0.properties.generalCategory == .control
                ? $0.escaped(asASCII: true) : String($0) }.joined()
            return escaped.count > 40 ? String(escaped.prefix(40)) + "…" : escaped
        }
    }

    /// Which number of a row or column.
    public enum Quantity: Sendable, Equatable, CustomStringConvertible {
        case lowerBound
        case upperBound
        case objectiveCoefficient
        case objectiveConstant
        case coefficient(column: Int, name: String)

        public var description: String {
            switch self {
            case .lowerBound: "lower bound"
            case .upperBound: "upper bound"
            case .objectiveCoefficient: "objective coefficient"
            case .objectiveConstant: "constant term"
            case .coefficient(let column, let name): "coefficient of column \(column) \"\(name)\""
            }
        }
    }

    /// The kind of index a setter was given.
    public enum IndexKind: String, Sendable, Equatable {
        case row
        case column
    }

    /// A NaN or infinite number (use `nil` for a missing bound).
    case nonFinite(Place, quantity: Quantity, value: Double)
    /// A row term names a column that does not exist.
    case columnOutOfRange(Place, column: Int, columnCount: Int)
    /// `lower > upper`.
    case crossedBounds(Place, lower: Double, upper: Double)
    /// A name GLPK would abort on or that LP/MPS files cannot carry.
    case invalidName(Place, reason: String)
    /// A name already used by an earlier row (or column).
    case duplicateName(Place, firstIndex: Int)
    /// A setter was called with an index that does not exist.
    case indexOutOfRange(operation: String, kind: IndexKind, index: Int, count: Int)

    public var description: String {
        switch self {
        case .nonFinite(let place, let quantity, let value):
            "\(place): \(quantity) is \(value) (must be finite)"
        case .columnOutOfRange(let place, let column, let columnCount):
            "\(place): term names column \(column), but there are \(columnCount) columns"
        case .crossedBounds(let place, let lower, let upper):
            "\(place): lower bound \(lower) exceeds upper bound \(upper)"
        case .invalidName(let place, let reason):
            "\(place): name \(reason)"
        case .duplicateName(let place, let firstIndex):
            "\(place): name already used by \(place.isRow ? "row" : "column") \(firstIndex)"
        case .indexOutOfRange(let operation, let kind, let index, let count):
            "\(operation): \(kind.rawValue) \(index) does not exist (there are \(count) \(kind.rawValue)s)"
        }
    }
}

extension LinearProgramIssue.Place {
    fileprivate var isRow: Bool {
        if case .row = self { true } else { false }
    }
}
