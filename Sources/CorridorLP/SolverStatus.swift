/// How ``GLPKSolver/solve(_:)`` runs the simplex method (GLPK's `glp_smcp`).
public struct SolverOptions: Sendable, Equatable {
    /// The simplex variant.
    public enum Method: Sendable, Equatable {
        /// Primal simplex (`GLP_PRIMAL`).
        case primal
        /// Dual simplex, falling back to the primal one if it fails (`GLP_DUALP`). After a change of row or
        /// column bounds the held basis stays dual feasible, so this is the method for warm re-solves.
        case dual
    }

    /// The basis a solve starts from.
    public enum StartingBasis: Sendable, Equatable {
        /// The basis GLPK holds: the standard one after loading, the previous final basis after a solve
        /// (a warm start).
        case held
        /// Every row basic (`glp_std_basis`).
        case standard
        /// A triangular crash basis (`glp_adv_basis`).
        case advanced
        /// Bixby's crash basis (`glp_cpx_basis`; R. E. Bixby, "Implementing the simplex method: the initial
        /// basis", ORSA J. Computing 4(3), 1992).
        case bixby
    }

    /// Run GLPK's LP presolver first (`presolve = GLP_ON`). GLPK then solves a preprocessed copy and ignores
    /// the basis it holds, so presolve defeats warm starts; it is off by default.
    public var presolve: Bool
    public var method: Method
    /// Seconds of solver time (`tm_lim`, rounded up to milliseconds); `nil` for none.
    public var timeLimit: Double?
    /// Simplex iterations per call (`it_lim`); `nil` for none.
    public var iterationLimit: Int?
    /// Scale rows and columns (`glp_scale_prob` with `GLP_SF_AUTO`, as `glpsol` does by default). Solutions
    /// are reported unscaled either way. The factors depend on the matrix only, so they are computed at the
    /// first solve that asks for scaling and kept for later ones (a warm start keeps its basis).
    public var scaling: Bool
    /// Where the simplex starts; anything but ``StartingBasis/held`` discards the held basis.
    public var startingBasis: StartingBasis

    public init(
        presolve: Bool = false, method: Method = .primal, timeLimit: Double? = nil, iterationLimit: Int? = nil,
        scaling: Bool = true, startingBasis: StartingBasis = .held
    ) {
        self.presolve = presolve
        self.method = method
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.scaling = scaling
        self.startingBasis = startingBasis
    }
}

/// What is true of a linear program once GLPK has finished with it.
public enum LPStatus: Sendable, Equatable {
    /// `glp_get_status` = `GLP_OPT`: the basic solution is optimal.
    case optimal
    /// `glp_get_status` = `GLP_NOFEAS` (after primal simplex, or dual simplex from a dual feasible basis), or
    /// `glp_simplex` = `GLP_ENOPFS` (the presolver proved no primal feasible solution exists).
    case infeasible
    /// `glp_get_status` = `GLP_UNBND`: a feasible solution exists and the objective is unbounded in the
    /// direction of optimisation. (`GLP_ENODFS` from the presolver means only "unbounded or infeasible", so
    /// the solver re-solves without presolve to tell which.)
    case unbounded
}

/// The result of one ``GLPKSolver/solve(_:)``.
///
/// Values are GLPK's basic solution. Only with ``status`` == ``LPStatus/optimal`` are they an optimum; which
/// optimum (when several tie) is not promised and may change with the starting basis.
public struct LPSolution: Sendable, Equatable {
    public let status: LPStatus
    /// The objective value, constant term included (`glp_get_obj_val`).
    public let objective: Double
    /// One value per column (`glp_get_col_prim`).
    public let columnValues: [Double]
    /// `Σ coefficient · x` per row (`glp_get_row_prim`).
    public let rowActivities: [Double]
    /// Row duals (`glp_get_row_dual`): the objective's change per unit increase of the row's active bound.
    ///
    /// Sign convention: for a minimisation, a binding `≤` row that limits the optimum has a **negative** dual
    /// (raising the bound lowers the cost); a binding `≥` row has a positive one. For `min x1 + 5x2`,
    /// `x1 + x2 = 10`, `x1 ≤ 4` the dual of `x1 ≤ 4` is −4. A "shadow price" meaning the objective's
    /// *decrease* per extra unit of capacity is therefore `−rowDual` for a minimisation. For a maximisation the
    /// signs are reversed (a binding `≤` row that limits the optimum has a positive dual).
    public let rowDuals: [Double]
    /// One reduced cost per column (`glp_get_col_dual`), in the same convention as ``rowDuals``.
    public let columnReducedCosts: [Double]
    /// Simplex iterations this call spent, retries included (difference of `glp_get_it_cnt`).
    public let iterations: Int
}

/// Why ``GLPKSolver/solve(_:)`` (or another solver call) did not produce an ``LPSolution``.
public enum SolverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `glp_simplex` returned `GLP_EITLIM`: ``SolverOptions/iterationLimit`` was reached.
    case iterationLimit
    /// `glp_simplex` returned `GLP_ETMLIM`: ``SolverOptions/timeLimit`` was reached.
    case timeLimit
    /// The simplex method gave up: `GLP_EFAIL`, or `GLP_EBADB`/`GLP_ESING`/`GLP_ECOND` again after restarting
    /// from an advanced (`glp_adv_basis`) and then a standard (`glp_std_basis`) basis, or no conclusive status.
    case numericalFailure(String)
    /// GLPK's error hook fired (it would have aborted the process), GLPK returned something our validated input
    /// cannot cause, or the solver was used after its thread's GLPK environment was freed or from another
    /// thread. The text is GLPK's or ours; ``description`` starts with "internal error".
    case internalFault(String)
    /// A ``SolverOptions`` value cannot be passed to GLPK (e.g. a negative time limit).
    case invalidOption(String)

    public var description: String {
        switch self {
        case .iterationLimit: "the simplex iteration limit was reached before the LP was solved"
        case .timeLimit: "the time limit was reached before the LP was solved"
        case .numericalFailure(let text): "the LP solver failed numerically: \(text)"
        case .internalFault(let text): "internal error: \(text)"
        case .invalidOption(let text): "invalid solver option: \(text)"
        }
    }
}

