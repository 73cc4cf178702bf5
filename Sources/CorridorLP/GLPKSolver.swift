// GLPK behind a guard — the only Swift file that reaches GLPK (through the C target CGLPKGuard).
//
// GLPK reports a bad argument or a failed internal assertion by printing to stdout and calling abort()
// (a control character in a name, a duplicate (row, column) in glp_load_matrix, "teta >= 0.0"). So:
//  1. `LinearProgram` validates first: finite numbers, columns in range, lower ≤ upper, names of 1–255
//     printable ASCII characters (no spaces, unique), merged duplicate cells, sizes within GLPK's limits.
//     Validation prevents every abort we can foresee.
//  2. Each CGLPKGuard entry point (a few bulk ones: create+load, scale+solve, fetch the solution, set bounds,
//     set a basis, write LP/MPS) installs a terminal hook that swallows GLPK's output (keeping the error text) and an
//     error hook that calls glp_free_env() and longjmps back to a setjmp in that same C function, which
//     returns -1 with GLPK's text. setjmp lives in C because a longjmp must not cross Swift frames.
//  3. A fault frees the thread's whole GLPK environment, so every problem of that thread is gone: the C
//     handle records the environment generation it was born in and is refused afterwards (never deleted).
//     Swift reports it as `SolverError.internalFault` ("internal error: …"), never as bad user input.
//  4. Debian's GLPK keeps its environment per thread: a `GLPKSolver` is not Sendable, must stay on the thread
//     that created it (other threads are refused, and a deinit elsewhere leaks instead of corrupting), must
//     not be held across `await`, and a worker thread should call `GLPK.releaseThreadEnvironment()` at the end.
//  5. One C function picks bound types: lower == upper → GLP_FX (a GLP_DB with lb ≥ ub fails with GLP_EBOUND),
//     both missing → GLP_FR, only lower → GLP_LO, only upper → GLP_UP, else GLP_DB.
//  6. Terminal output is always off (`msg_lev = GLP_MSG_OFF`, and the hook returns non-zero): stdout carries
//     our JSON.
// References: GLPK examples/threads/multiseed.c (error hook + longjmp), igraph src/internal/glpk_support.c
// (terminal hook, never deleting after a fault), LEMON glpk.cc (retrying after glp_adv_basis).

import CGLPKGuard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The GLPK library corridor solves its linear programs with.
public enum GLPK {
    /// The linked GLPK's version, e.g. `5.0`. The corresponding GLPK routine is `glp_version`.
    public static var version: String { String(cString: cglpk_version()) }

    /// Frees the calling thread's GLPK environment (`glp_free_env`). Call it when a worker thread is done
    /// with GLPK; any ``GLPKSolver`` still alive on this thread becomes unusable (and is safely discarded).
    public static func releaseThreadEnvironment() {
        cglpk_free_environment()
    }

    /// Runs `body` with every GLPK solve on the calling thread limited to end within `seconds` from now
    /// (on top of any limit of its own): a solve started after that throws ``SolverError/timeLimit`` at
    /// once. A server uses it to stop the work of a request it has given up on.
    public static func withDeadline<Value>(seconds: Double, _ body: () throws -> Value) rethrows -> Value {
        let previous = cglpk_thread_deadline()
        cglpk_set_thread_deadline(monotonicSeconds() + seconds)
        defer { cglpk_set_thread_deadline(previous) }
        return try body()
    }

    /// Seconds left before the thread's deadline (``withDeadline(seconds:_:)``); `nil` when there is none.
    static func threadTimeLeft() -> Double? {
        let deadline = cglpk_thread_deadline()
        return deadline > 0 ? deadline - monotonicSeconds() : nil
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// GLPK's `tm_lim` in milliseconds for a solve with its own limit `seconds`: the smaller of that and what
    /// the thread's deadline leaves; -1 for no limit.
    static func timeLimitMilliseconds(_ seconds: Double?) throws(SolverError) -> Int32 {
        var limit = seconds
        if let left = threadTimeLeft() {
            guard left > 0 else { throw .timeLimit }
            limit = min(limit ?? left, left)
        }
        guard let limit else { return -1 }
        let milliseconds = (limit * 1000).rounded(.up)
        return milliseconds >= Double(Int32.max) ? Int32.max : Int32(max(1, milliseconds))
    }
}

/// A linear program loaded into GLPK, solvable repeatedly with warm starts.
///
/// The solver owns one GLPK problem (`glp_prob`) on the thread that created it. It is deliberately not
/// `Sendable`: use it only on that thread (other threads get ``SolverError/internalFault(_:)``) and do not hold
/// it across `await`. Faults inside GLPK are caught (see the top of this file) and leave the process running,
/// but they free every GLPK problem of the thread.
///
/// ```swift
/// let solver = try GLPKSolver(program)
/// let first = try solver.solve()
/// try solver.setRowBounds(capacityRow, lower: nil, upper: 120)
/// let second = try solver.solve(SolverOptions(method: .dual))   // starts from the previous optimal basis
/// ```
public final class GLPKSolver {
    private let handle: OpaquePointer
    private var rowNames: [String]
    private var columnNames: [String]

    public var rowCount: Int { rowNames.count }
    public var columnCount: Int { columnNames.count }

    /// Validates the program, then creates the GLPK problem and loads it in one guarded call.
    /// - Throws: ``LinearProgramError`` for an invalid program; ``SolverError/internalFault(_:)`` if GLPK
    ///   rejects it anyway or runs out of memory.
    public init(_ program: LinearProgram) throws {
        try program.validate()
        let arrays = program.glpkArrays()
        var created: OpaquePointer?
        let (code, message) = arrays.doubles.withUnsafeBufferPointer { doubles in
            arrays.indices.withUnsafeBufferPointer { indices in
                arrays.names.withUnsafeBufferPointer { names in
                    var model = cglpk_model()
                    model.maximize = program.sense == .maximize ? 1 : 0
                    model.row_count = Int32(program.rowCount)
                    model.column_count = Int32(program.columnCount)
                    model.names = names.baseAddress
                    let base = doubles.baseAddress
                    model.row_lower = base.map { UnsafePointer($0 + arrays.rowLowerOffset) }
                    model.row_upper = base.map { UnsafePointer($0 + arrays.rowUpperOffset) }
                    model.column_lower = base.map { UnsafePointer($0 + arrays.columnLowerOffset) }
                    model.column_upper = base.map { UnsafePointer($0 + arrays.columnUpperOffset) }
                    model.objective = base.map { UnsafePointer($0 + arrays.objectiveOffset) }
                    model.objective_constant = program.objectiveConstant
                    model.entry_count = Int32(arrays.entryCount)
                    model.entry_values = base.map { UnsafePointer($0 + arrays.entryValuesOffset) }
                    model.entry_rows = indices.baseAddress.map { UnsafePointer($0 + arrays.entryRowsOffset) }
                    model.entry_columns = indices.baseAddress.map { UnsafePointer($0 + arrays.entryColumnsOffset) }
                    return Self.guarded { buffer, capacity in cglpk_create(&model, &created, buffer, capacity) }
                }
            }
        }
        guard code == CGLPK_OK, let created else {
            throw Self.fault(code, message, while: "loading the linear program")
        }
        handle = created
        rowNames = program.rowNames
        columnNames = program.columnNames
    }

    deinit {
        cglpk_destroy(handle)
    }

    // MARK: Solving

    /// Solves the program with the simplex method (`glp_simplex`), starting from the basis GLPK holds — the
    /// previous solve's final basis, so re-solving after a bound or objective change is a warm start (with
    /// ``SolverOptions/presolve`` off and ``SolverOptions/startingBasis`` `.held`; see there).
    ///
    /// How GLPK's answers are read: `glp_simplex`'s return code says whether the solver finished; only then
    /// `glp_get_status` says what is true (a return code of 0 does not mean optimal).
    /// - `GLP_EBADB`, `GLP_ESING`, `GLP_ECOND` (invalid, singular or ill-conditioned basis): restart from
    ///   `glp_adv_basis`, then once more from `glp_std_basis`; then ``SolverError/numericalFailure(_:)``.
    /// - `GLP_ENOPFS` (presolver: no primal feasible solution) → ``LPStatus/infeasible``.
    /// - `GLP_ENODFS` (presolver: no dual feasible solution, i.e. unbounded *or* infeasible) → solved again
    ///   without presolve to tell which.
    /// - `GLP_EITLIM` → ``SolverError/iterationLimit``; `GLP_ETMLIM` → ``SolverError/timeLimit``;
    ///   `GLP_EFAIL` → ``SolverError/numericalFailure(_:)``; `GLP_EBOUND`, `GLP_EOBJLL`, `GLP_EOBJUL` (which a
    ///   validated program without objective limits cannot cause) → ``SolverError/internalFault(_:)``.
    /// - Status `GLP_OPT` → optimal, `GLP_NOFEAS` → infeasible, `GLP_UNBND` → unbounded. `GLP_FEAS`,
    ///   `GLP_INFEAS` or `GLP_UNDEF` after a finished run (the dual simplex stopped on a dual infeasible
    ///   basis) → solved again with the primal simplex; inconclusive twice → numerical failure.
    /// Iteration and time limits apply to each `glp_simplex` call.
    /// - Throws: ``SolverError``.
    public func solve(_ options: SolverOptions = SolverOptions()) throws(SolverError) -> LPSolution {
        var iterations = 0
        let (status, objective) = try runSimplex(Self.parameters(for: options), iterations: &iterations)
        var columnValues = [Double](repeating: 0, count: columnCount)
        var reducedCosts = [Double](repeating: 0, count: columnCount)
        var rowActivities = [Double](repeating: 0, count: rowCount)
        var rowDuals = [Double](repeating: 0, count: rowCount)
        let (code, message) = columnValues.withUnsafeMutableBufferPointer { values in
            reducedCosts.withUnsafeMutableBufferPointer { costs in
                rowActivities.withUnsafeMutableBufferPointer { activities in
                    rowDuals.withUnsafeMutableBufferPointer { duals in
                        Self.guarded { buffer, capacity in
                            cglpk_get_solution(
                                handle, values.baseAddress, costs.baseAddress, activities.baseAddress,
                                duals.baseAddress, buffer, capacity)
                        }
                    }
                }
            }
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "reading the solution") }
        return LPSolution(
            status: status, objective: objective, columnValues: columnValues, rowActivities: rowActivities,
            rowDuals: rowDuals, columnReducedCosts: reducedCosts, iterations: iterations)
    }

    /// Solves as ``solve(_:)`` does and returns the status and the objective alone, reading no values,
    /// duals or reduced costs: for callers that re-solve many times and need only the optimum.
    /// - Throws: ``SolverError``.
    public func solveObjective(_ options: SolverOptions = SolverOptions()) throws(SolverError) -> (status: LPStatus, objective: Double) {
        var iterations = 0
        return try runSimplex(Self.parameters(for: options), iterations: &iterations)
    }

    private func runSimplex(
        _ initialParameters: cglpk_simplex_parameters, iterations: inout Int
    ) throws(SolverError) -> (LPStatus, Double) {
        var parameters = initialParameters
        var basisRestarts = 0
        var triedPrimal = false
        while true {
            var outcome = cglpk_simplex_outcome()
            let (code, message) = Self.guarded { buffer, capacity in
                cglpk_simplex(handle, &parameters, &outcome, buffer, capacity)
            }
            guard code == CGLPK_OK else { throw Self.fault(code, message, while: "running glp_simplex") }
            iterations += Int(outcome.iterations)
            // Retries continue from where the last call left GLPK's basis (or from a reset below).
            parameters.starting_basis = CGLPK_BASIS_HELD
            switch outcome.return_code {
            case 0:
                switch outcome.status {
                case CGLPK_OPT: return (.optimal, outcome.objective)
                case CGLPK_NOFEAS: return (.infeasible, outcome.objective)
                case CGLPK_UNBND: return (.unbounded, outcome.objective)
                case CGLPK_FEAS, CGLPK_INFEAS, CGLPK_UNDEF:
                    guard !triedPrimal else {
                        throw .numericalFailure(
                            "glp_simplex finished but left the status \(Self.statusName(outcome.status))")
                    }
                    triedPrimal = true
                    parameters.dual = 0
                    parameters.presolve = 0
                default:
                    throw .internalFault("glp_get_status returned the unknown value \(outcome.status)")
                }
            case CGLPK_EBADB, CGLPK_ESING, CGLPK_ECOND:
                guard basisRestarts < 2 else {
                    throw .numericalFailure(
                        "glp_simplex returned \(Self.returnCodeName(outcome.return_code)) even from a standard basis")
                }
                try resetBasis(basisRestarts == 0 ? CGLPK_BASIS_ADVANCED : CGLPK_BASIS_STANDARD)
                basisRestarts += 1
            case CGLPK_ENOPFS:
                return (.infeasible, outcome.objective)
            case CGLPK_ENODFS:
                guard parameters.presolve != 0 else {
                    throw .internalFault("glp_simplex returned GLP_ENODFS without presolve")
                }
                parameters.presolve = 0
            case CGLPK_EITLIM:
                throw .iterationLimit
            case CGLPK_ETMLIM:
                throw .timeLimit
            case CGLPK_EFAIL:
                throw .numericalFailure("glp_simplex returned GLP_EFAIL")
            case CGLPK_EBOUND, CGLPK_EOBJLL, CGLPK_EOBJUL:
                throw .internalFault(
                    "glp_simplex returned \(Self.returnCodeName(outcome.return_code)) for a validated program")
            default:
                throw .internalFault("glp_simplex returned the unknown code \(outcome.return_code)")
            }
        }
    }

    private func resetBasis(_ basis: Int32) throws(SolverError) {
        let (code, message) = Self.guarded { buffer, capacity in
            cglpk_reset_basis(handle, basis, buffer, capacity)
        }
        guard code == CGLPK_OK else {
            throw Self.fault(
                code, message,
                while: basis == CGLPK_BASIS_ADVANCED ? "running glp_adv_basis" : "running glp_std_basis")
        }
    }

    private static func parameters(for options: SolverOptions) throws(SolverError) -> cglpk_simplex_parameters {
        var parameters = cglpk_simplex_parameters()
        parameters.dual = options.method == .dual ? 1 : 0
        parameters.presolve = options.presolve ? 1 : 0
        parameters.scale = options.scaling ? 1 : 0
        parameters.starting_basis =
            switch options.startingBasis {
            case .held: CGLPK_BASIS_HELD
            case .standard: CGLPK_BASIS_STANDARD
            case .advanced: CGLPK_BASIS_ADVANCED
            case .bixby: CGLPK_BASIS_BIXBY
            }
        parameters.iteration_limit = -1
        if let limit = options.iterationLimit {
            guard limit >= 0 else { throw .invalidOption("iteration limit \(limit) is negative") }
            parameters.iteration_limit = Int32(clamping: limit)
        }
        if let seconds = options.timeLimit {
            guard seconds.isFinite, seconds > 0 else {
                throw .invalidOption("time limit \(seconds) s is not a positive number")
            }
        }
        parameters.time_limit_ms = try GLPK.timeLimitMilliseconds(options.timeLimit)
        return parameters
    }

    // MARK: Changing the loaded program

    /// Replaces a row's bounds in the loaded problem (`glp_set_row_bnds`); the basis is kept for a warm
    /// re-solve.
    /// - Throws: ``LinearProgramError`` for an unknown row, a non-finite bound or lower > upper;
    ///   ``SolverError/internalFault(_:)`` if the problem is gone.
    public func setRowBounds(_ row: Int, lower: Double?, upper: Double?) throws {
        try setRowBounds([(row, lower, upper)])
    }

    /// Replaces several rows' bounds in one call into GLPK (see ``setRowBounds(_:lower:upper:)``); nothing
    /// changes when one of them is refused.
    public func setRowBounds(_ changes: [(row: Int, lower: Double?, upper: Double?)]) throws {
        for (row, lower, upper) in changes {
            guard rowNames.indices.contains(row) else {
                throw LinearProgramError(issues: [
                    .indexOutOfRange(operation: "setRowBounds", kind: .row, index: row, count: rowCount)
                ])
            }
            try Self.checkBounds(lower, upper, at: .row(row, name: rowNames[row]))
        }
        try setBounds(changes.map { ($0.row, $0.lower, $0.upper) }, while: "setting row bounds", cglpk_set_row_bounds)
    }

    /// Replaces a column's bounds in the loaded problem (`glp_set_col_bnds`); the basis is kept.
    /// - Throws: as ``setRowBounds(_:lower:upper:)``.
    public func setColumnBounds(_ column: Int, lower: Double?, upper: Double?) throws {
        try setColumnBounds([(column, lower, upper)])
    }

    /// Replaces several columns' bounds in one call into GLPK (see ``setColumnBounds(_:lower:upper:)``);
    /// nothing changes when one of them is refused.
    public func setColumnBounds(_ changes: [(column: Int, lower: Double?, upper: Double?)]) throws {
        for (column, lower, upper) in changes {
            guard columnNames.indices.contains(column) else {
                throw LinearProgramError(issues: [
                    .indexOutOfRange(operation: "setColumnBounds", kind: .column, index: column, count: columnCount)
                ])
            }
            try Self.checkBounds(lower, upper, at: .column(column, name: columnNames[column]))
        }
        try setBounds(
            changes.map { ($0.column, $0.lower, $0.upper) }, while: "setting column bounds", cglpk_set_column_bounds)
    }

    /// Passes checked bound changes to a CGLPKGuard setter (rows or columns) in one guarded call.
    private func setBounds(
        _ changes: [(index: Int, lower: Double?, upper: Double?)], while action: String,
        _ setter: (OpaquePointer?, Int32, UnsafePointer<Int32>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
            UnsafeMutablePointer<CChar>?, Int) -> Int32
    ) throws(SolverError) {
        let indices = changes.map { Int32($0.index) }
        let lower = changes.map { $0.lower ?? -.infinity }
        let upper = changes.map { $0.upper ?? .infinity }
        let (code, message) = Self.guarded { buffer, capacity in
            setter(handle, Int32(changes.count), indices, lower, upper, buffer, capacity)
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: action) }
    }

    /// A column to append to the loaded problem: bounds, objective coefficient and its entries by row.
    public struct NewColumn: Sendable {
        public let name: String
        public let lower: Double?
        public let upper: Double?
        public let objective: Double
        public let entries: [(row: Int, coefficient: Double)]

        public init(name: String, lower: Double?, upper: Double?, objective: Double, entries: [(row: Int, coefficient: Double)]) {
            (self.name, self.lower, self.upper, self.objective, self.entries) = (name, lower, upper, objective, entries)
        }
    }

    /// Appends columns to the loaded problem (`glp_add_cols`, `glp_set_mat_col`), non-basic at their lower
    /// bound: a primal feasible basis stays feasible, so the next solve starts from it (column generation).
    /// - Returns: the new columns' indices.
    /// - Throws: ``LinearProgramError`` for an unknown row, a non-finite number or lower > upper;
    ///   ``SolverError/internalFault(_:)`` if the problem is gone.
    @discardableResult
    public func addColumns(_ columns: [NewColumn]) throws -> Range<Int> {
        guard !columns.isEmpty else { return columnCount..<columnCount }
        for (offset, column) in columns.enumerated() {
            try Self.checkBounds(column.lower, column.upper, at: .column(columnCount + offset, name: column.name))
            guard column.objective.isFinite else {
                throw LinearProgramError(issues: [
                    .nonFinite(.column(columnCount + offset, name: column.name), quantity: .objectiveCoefficient, value: column.objective)
                ])
            }
        }
        let (starts, rows, values) = try Self.packed(
            columns.map { $0.entries.map { (index: $0.row, coefficient: $0.coefficient) } }, into: .row, count: rowCount,
            operation: "addColumns")
        let lower = columns.map { $0.lower ?? -.infinity }
        let upper = columns.map { $0.upper ?? .infinity }
        let objective = columns.map(\.objective)
        let first = columnCount
        let (code, message) = Self.guarded { buffer, capacity in
            cglpk_add_columns(
                handle, Int32(columns.count), lower, upper, objective, starts, rows, values, buffer, capacity)
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "adding columns") }
        columnNames += columns.map(\.name)
        return first..<columnCount
    }

    /// New columns' or rows' entries laid out as `cglpk_add_columns` and `cglpk_add_rows` read them: list k
    /// fills `indices[starts[k] ..< starts[k+1]]` (1-based GLPK numbers) and the same range of `values`,
    /// after an unused slot 0, since GLPK reads its arrays from index 1.
    /// - Throws: ``LinearProgramError`` for an index outside `0..<count` or a non-finite coefficient.
    private static func packed(
        _ lists: [[(index: Int, coefficient: Double)]], into kind: LinearProgramIssue.IndexKind, count: Int,
        operation: String
    ) throws -> (starts: [Int32], indices: [Int32], values: [Double]) {
        var starts: [Int32] = [1]
        var indices: [Int32] = [0]
        var values: [Double] = [0]
        for list in lists {
            for entry in list {
                guard (0..<count).contains(entry.index), entry.coefficient.isFinite else {
                    throw LinearProgramError(issues: [
                        .indexOutOfRange(operation: operation, kind: kind, index: entry.index, count: count)
                    ])
                }
                indices.append(Int32(entry.index + 1))
                values.append(entry.coefficient)
            }
            starts.append(Int32(indices.count))
        }
        return (starts, indices, values)
    }

    /// A row to append to the loaded problem: bounds and its entries by column.
    public struct NewRow: Sendable {
        public let name: String
        public let lower: Double?
        public let upper: Double?
        public let entries: [(column: Int, coefficient: Double)]

        public init(name: String, lower: Double?, upper: Double?, entries: [(column: Int, coefficient: Double)]) {
            (self.name, self.lower, self.upper, self.entries) = (name, lower, upper, entries)
        }
    }

    /// Appends rows to the loaded problem (`glp_add_rows`, `glp_set_mat_row`), each with its slack basic,
    /// so the held basis stays a basis (row generation: the next solve repairs what the rows cut off).
    /// - Returns: the new rows' indices.
    /// - Throws: ``LinearProgramError`` for an unknown column, a non-finite number or lower > upper;
    ///   ``SolverError/internalFault(_:)`` if the problem is gone.
    @discardableResult
    public func addRows(_ newRows: [NewRow]) throws -> Range<Int> {
        guard !newRows.isEmpty else { return rowCount..<rowCount }
        for (offset, row) in newRows.enumerated() {
            try Self.checkBounds(row.lower, row.upper, at: .row(rowCount + offset, name: row.name))
        }
        let (starts, columns, values) = try Self.packed(
            newRows.map { $0.entries.map { (index: $0.column, coefficient: $0.coefficient) } }, into: .column,
            count: columnCount, operation: "addRows")
        let lower = newRows.map { $0.lower ?? -.infinity }
        let upper = newRows.map { $0.upper ?? .infinity }
        let first = rowCount
        let (code, message) = Self.guarded { buffer, capacity in
            cglpk_add_rows(handle, Int32(newRows.count), lower, upper, starts, columns, values, buffer, capacity)
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "adding rows") }
        rowNames += newRows.map(\.name)
        return first..<rowCount
    }

    /// Deletes those of the columns that are not basic (`glp_del_cols`), so the held basis stays a basis;
    /// the later columns move down, in order, to fill the gaps.
    /// - Returns: which columns were deleted, in the order given.
    /// - Throws: ``LinearProgramError`` for an unknown or repeated column; ``SolverError/internalFault(_:)``
    ///   if the problem is gone.
    public func deleteNonbasicColumns(_ columns: [Int]) throws -> [Bool] {
        try delete(columns, of: .column, names: &columnNames, operation: "deleteNonbasicColumns") {
            cglpk_delete_nonbasic_columns(handle, $0, $1, $2, $3, $4)
        }
    }

    /// Deletes those of the rows whose auxiliary variable is basic (`glp_del_rows`): the row and its basic
    /// slack leave together, so the held basis stays a basis. The later rows move down, in order.
    /// - Returns: which rows were deleted, in the order given.
    /// - Throws: ``LinearProgramError`` for an unknown or repeated row; ``SolverError/internalFault(_:)``
    ///   if the problem is gone.
    public func deleteBasicRows(_ rows: [Int]) throws -> [Bool] {
        try delete(rows, of: .row, names: &rowNames, operation: "deleteBasicRows") {
            cglpk_delete_basic_rows(handle, $0, $1, $2, $3, $4)
        }
    }

    /// Checks `indices` (distinct, in range), lets `call` delete those it chooses (its arguments: count,
    /// 0-based indices, the flags it sets for the deleted, the message buffer and its capacity), and keeps
    /// `names` in step.
    private func delete(
        _ indices: [Int], of kind: LinearProgramIssue.IndexKind, names: inout [String], operation: String,
        _ call: (Int32, UnsafePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<CChar>?, Int) -> Int32
    ) throws -> [Bool] {
        guard !indices.isEmpty else { return [] }
        var seen = Set<Int>()
        for index in indices where !names.indices.contains(index) || !seen.insert(index).inserted {
            throw LinearProgramError(issues: [
                .indexOutOfRange(operation: operation, kind: kind, index: index, count: names.count)
            ])
        }
        let numbers = indices.map(Int32.init)
        var deleted = [Int32](repeating: 0, count: indices.count)
        let (code, message) = Self.guarded { buffer, capacity in
            numbers.withUnsafeBufferPointer { numbers in
                deleted.withUnsafeMutableBufferPointer { deleted in
                    call(Int32(numbers.count), numbers.baseAddress!, deleted.baseAddress!, buffer, capacity)
                }
            }
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "deleting \(kind.rawValue)s") }
        let gone = Set(zip(indices, deleted).filter { $0.1 != 0 }.map(\.0))
        names = names.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        return deleted.map { $0 != 0 }
    }

    /// Replaces a column's objective coefficient in the loaded problem (`glp_set_obj_coef`).
    /// - Throws: ``LinearProgramError`` for an unknown column or a non-finite coefficient;
    ///   ``SolverError/internalFault(_:)`` if the problem is gone.
    public func setObjective(_ column: Int, _ coefficient: Double) throws {
        guard columnNames.indices.contains(column) else {
            throw LinearProgramError(issues: [
                .indexOutOfRange(operation: "setObjective", kind: .column, index: column, count: columnCount)
            ])
        }
        guard coefficient.isFinite else {
            throw LinearProgramError(issues: [
                .nonFinite(
                    .column(column, name: columnNames[column]), quantity: .objectiveCoefficient, value: coefficient)
            ])
        }
        var index = Int32(column)
        var value = coefficient
        let (code, message) = Self.guarded { buffer, capacity in
            cglpk_set_objective(handle, 1, &index, &value, buffer, capacity)
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "setting an objective coefficient") }
    }

    // MARK: Mixed-integer programs

    /// Solves the loaded program with `integerColumns` (0-based) required integral: the LP relaxation by
    /// the dual simplex, then GLPK's branch-and-cut (`glp_intopt`, cuts on). The columns stay integer for
    /// later calls. `timeLimit` (seconds) applies to each of the two stages.
    /// - Returns: `.optimal` with the objective and every column's value, or `.infeasible` (values all 0).
    /// - Throws: ``SolverError/timeLimit`` when branch-and-cut stops at the limit; ``SolverError/numericalFailure(_:)``
    ///   or ``SolverError/internalFault(_:)`` when GLPK fails.
    public func solveMixedInteger(
        integerColumns: [Int], timeLimit: Double? = nil
    ) throws(SolverError) -> (status: LPStatus, objective: Double, columnValues: [Double]) {
        for column in integerColumns where !columnNames.indices.contains(column) {
            throw .internalFault("integer column \(column) is not in the problem")
        }
        let columns = integerColumns.map(Int32.init)
        let milliseconds = try GLPK.timeLimitMilliseconds(timeLimit)
        var outcome = cglpk_mip_outcome()
        var values = [Double](repeating: 0, count: columnCount)
        let (code, message) = values.withUnsafeMutableBufferPointer { buffer in
            Self.guarded { text, capacity in
                cglpk_intopt(handle, Int32(columns.count), columns, milliseconds, &outcome, buffer.baseAddress, text, capacity)
            }
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "running glp_intopt") }
        switch (outcome.relaxation_code, outcome.relaxation_status) {
        case (0, CGLPK_OPT): break
        case (0, CGLPK_NOFEAS), (CGLPK_ENOPFS, _): return (.infeasible, 0, values)
        case (CGLPK_ETMLIM, _): throw .timeLimit
        default:
            throw .numericalFailure(
                "the relaxation ended with \(Self.returnCodeName(outcome.relaxation_code)), status \(Self.statusName(outcome.relaxation_status))")
        }
        switch (outcome.return_code, outcome.status) {
        case (0, CGLPK_OPT): return (.optimal, outcome.objective, values)
        case (0, CGLPK_NOFEAS), (CGLPK_ENOPFS, _): return (.infeasible, 0, values)
        case (CGLPK_ETMLIM, _), (_, CGLPK_FEAS): throw .timeLimit
        default:
            throw .numericalFailure(
                "glp_intopt returned \(Self.returnCodeName(outcome.return_code)), status \(Self.statusName(outcome.status))")
        }
    }

    // MARK: Ranging on the optimal basis

    /// A row or a column of the loaded problem (0-based).
    public enum Variable: Sendable, Hashable {
        case row(Int)
        case column(Int)
    }

    /// How far the upper bounds of some rows or columns may move together, each by `step × weight`,
    /// before the optimal basis the problem holds stops being optimal: the interval of `step` (low ≤ 0 ≤ high,
    /// infinite where nothing ever binds) over which the duals stay what they are and the objective changes
    /// linearly. Call after an optimal ``solve(_:)``; GLPK's tableau columns (`glp_eval_tab_col`) give the
    /// rates at which the basic variables move.
    /// - Throws: ``SolverError/internalFault(_:)`` for an unknown row or column, or when GLPK fails.
    public func upperBoundRange(_ moves: [(variable: Variable, weight: Double)]) throws(SolverError) -> (low: Double, high: Double) {
        var variables: [Int32] = []
        for move in moves {
            switch move.variable {
            case .row(let row) where rowNames.indices.contains(row): variables.append(Int32(row + 1))
            case .column(let column) where columnNames.indices.contains(column):
                variables.append(Int32(rowCount + column + 1))
            default: throw .internalFault("ranging asked for \(move.variable), which the problem does not have")
            }
        }
        let weights = moves.map(\.weight)
        var low = 0.0
        var high = 0.0
        let (code, message) = Self.guarded { buffer, capacity in
            cglpk_upper_bound_ranging(handle, Int32(moves.count), variables, weights, &low, &high, buffer, capacity)
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "ranging bounds") }
        return (low, high)
    }

    /// How far the objective coefficients of some columns may move together, each by `step × weight`,
    /// before the optimal basis stops being optimal: the interval of `step` (low ≤ 0 ≤ high) over which the
    /// primal solution stays optimal and the objective changes by `step × Σ weight × value`. Call after an
    /// optimal ``solve(_:)``; GLPK's tableau rows (`glp_eval_tab_row`) give how reduced costs move.
    /// - Throws: ``SolverError/internalFault(_:)`` for an unknown column, or when GLPK fails.
    public func costRange(_ moves: [(column: Int, weight: Double)]) throws(SolverError) -> (low: Double, high: Double) {
        for move in moves where !columnNames.indices.contains(move.column) {
            throw .internalFault("ranging asked for column \(move.column), which the problem does not have")
        }
        let columns = moves.map { Int32($0.column + 1) }
        let weights = moves.map(\.weight)
        var low = 0.0
        var high = 0.0
        let (code, message) = Self.guarded { buffer, capacity in
            cglpk_cost_ranging(handle, Int32(moves.count), columns, weights, &low, &high, buffer, capacity)
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "ranging costs") }
        return (low, high)
    }

    private static func checkBounds(_ lower: Double?, _ upper: Double?, at place: LinearProgramIssue.Place) throws {
        var issues: [LinearProgramIssue] = []
        LinearProgram.checkBounds(lower, upper, at: place, into: &issues)
        if !issues.isEmpty { throw LinearProgramError(issues: issues) }
    }

    /// Replaces GLPK's basis (`glp_set_row_stat`, `glp_set_col_stat`): exactly `basicRows` and `basicColumns`
    /// become basic; every other column is non-basic at its upper bound if listed in `columnsAtUpperBound` and
    /// it has one, else at the bound its type allows (lower, or the fixed value; a free column at zero). The
    /// next ``solve(_:)`` with ``SolverOptions/StartingBasis/held`` starts from it; an invalid or singular basis
    /// makes it restart from `glp_adv_basis` (see there).
    ///
    /// A crash basis built from the problem's structure can save most of a cold solve's iterations.
    /// - Throws: ``SolverError/invalidOption(_:)`` for an index out of range; ``SolverError/internalFault(_:)``
    ///   if the problem is gone.
    public func setBasis(
        basicRows: [Int], basicColumns: [Int], columnsAtUpperBound: [Int] = []
    ) throws(SolverError) {
        func indices(_ values: [Int], below count: Int, _ what: String) throws(SolverError) -> [Int32] {
            guard values.allSatisfy({ (0..<count).contains($0) }) else {
                throw .invalidOption("setBasis: a \(what) index is out of range")
            }
            return values.map { Int32($0) }
        }
        let rows = try indices(basicRows, below: rowCount, "row")
        let columns = try indices(basicColumns, below: columnCount, "column")
        let upper = try indices(columnsAtUpperBound, below: columnCount, "column")
        let (code, message) = rows.withUnsafeBufferPointer { rowPointer in
            columns.withUnsafeBufferPointer { columnPointer in
                upper.withUnsafeBufferPointer { upperPointer in
                    Self.guarded { buffer, capacity in
                        cglpk_set_basis(
                            handle, Int32(rows.count), rowPointer.baseAddress, Int32(columns.count),
                            columnPointer.baseAddress, Int32(upper.count), upperPointer.baseAddress, buffer, capacity)
                    }
                }
            }
        }
        guard code == CGLPK_OK else { throw Self.fault(code, message, while: "setting a basis") }
    }

    // MARK: Test support

    /// A way to make GLPK fail inside the guard, for tests of the recovery path.
    package enum ProvokedFault: Int32 {
        /// `glp_set_row_name` with a control character.
        case controlCharacterInRowName = 0
        /// `glp_load_matrix` with the same (row, column) twice.
        case duplicateMatrixEntry = 1
    }

    /// Makes GLPK's error hook fire on this solver's problem. Afterwards every GLPK problem of the thread,
    /// this one included, is gone.
    /// - Throws: ``SolverError/internalFault(_:)`` carrying GLPK's message (the expected outcome).
    package func provokeFault(_ fault: ProvokedFault) throws(SolverError) {
        let (code, message) = Self.guarded { buffer, capacity in
            cglpk_provoke_fault(handle, fault.rawValue, buffer, capacity)
        }
        throw Self.fault(code, message, while: "provoking a fault")
    }

    // MARK: Guard plumbing

    private static let messageCapacity = 4096

    /// Runs one CGLPKGuard call with a message buffer; returns its code and GLPK's text.
    private static func guarded(
        _ call: (UnsafeMutablePointer<CChar>?, Int) -> Int32
    ) -> (code: Int32, message: String) {
        var buffer = [CChar](repeating: 0, count: messageCapacity)
        let code = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress, messageCapacity) }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let text = String(decoding: bytes, as: UTF8.self)
        return (code, text.split(whereSeparator: \.isNewline).joined(separator: " / "))
    }

    private static func fault(_ code: Int32, _ message: String, while action: String) -> SolverError {
        switch code {
        case CGLPK_FAULT:
            .internalFault("GLPK failed while \(action) (all GLPK problems of this thread are gone): \(message)")
        default:
            .internalFault("\(message) (while \(action))")
        }
    }

    private static func returnCodeName(_ code: Int32) -> String {
        switch code {
        case CGLPK_EBADB: "GLP_EBADB"
        case CGLPK_ESING: "GLP_ESING"
        case CGLPK_ECOND: "GLP_ECOND"
        case CGLPK_EBOUND: "GLP_EBOUND"
        case CGLPK_EOBJLL: "GLP_EOBJLL"
        case CGLPK_EOBJUL: "GLP_EOBJUL"
        default: "code \(code)"
        }
    }

    private static func statusName(_ status: Int32) -> String {
        switch status {
        case CGLPK_FEAS: "GLP_FEAS"
        case CGLPK_INFEAS: "GLP_INFEAS"
        case CGLPK_UNDEF: "GLP_UNDEF"
        default: "\(status)"
        }
    }
}

@available(*, unavailable, message: "a GLPK problem belongs to the thread that created it")
extension GLPKSolver: Sendable {}

/// The program in GLPK's layout: every double in one array and every index in another, sliced by offsets.
private struct GLPKArrays {
    var doubles: [Double] = []
    var indices: [Int32] = []
    /// Row names then column names, each NUL-terminated.
    var names: [CChar] = []
    var rowLowerOffset = 0
    var rowUpperOffset = 0
    var columnLowerOffset = 0
    var columnUpperOffset = 0
    var objectiveOffset = 0
    var entryCount = 0
    /// The matrix arrays are 1-based as glp_load_matrix wants: the slot at each offset is unused.
    var entryValuesOffset = 0
    var entryRowsOffset = 0
    var entryColumnsOffset = 0
}

extension LinearProgram {
    /// The one place GLPK's layout (infinite = no bound, 1-based triplets) is built. Zero cells are skipped.
    fileprivate func glpkArrays() -> GLPKArrays {
        var arrays = GLPKArrays()
        func append(_ values: [Double?], missing: Double) -> Int {
            let offset = arrays.doubles.count
            arrays.doubles.append(contentsOf: values.lazy.map { $0 ?? missing })
            return offset
        }
        arrays.rowLowerOffset = append(rowLower, missing: -.infinity)
        arrays.rowUpperOffset = append(rowUpper, missing: .infinity)
        arrays.columnLowerOffset = append(columnLower, missing: -.infinity)
        arrays.columnUpperOffset = append(columnUpper, missing: .infinity)
        arrays.objectiveOffset = arrays.doubles.count
        arrays.doubles.append(contentsOf: objectiveCoefficients)

        var rows: [Int32] = [0]
        var columns: [Int32] = [0]
        var values: [Double] = [0]
        for row in rowNames.indices {
            for term in rowTermStart[row] ..< rowTermStart[row + 1] where termCoefficients[term] != 0 {
                rows.append(Int32(row + 1))
                columns.append(Int32(termColumns[term] + 1))
                values.append(termCoefficients[term])
            }
        }
        arrays.entryCount = values.count - 1
        arrays.entryValuesOffset = arrays.doubles.count
        arrays.doubles.append(contentsOf: values)
        arrays.entryRowsOffset = 0
        arrays.indices = rows
        arrays.entryColumnsOffset = arrays.indices.count
        arrays.indices.append(contentsOf: columns)

        for name in rowNames + columnNames {
            arrays.names.append(contentsOf: name.utf8.map { CChar(bitPattern: $0) })
            arrays.names.append(0)
        }
        return arrays
    }
}
