import Foundation

/// The largest values a network may hold, per kind of number (networks/FORMAT.md, "Limits").
///
/// They keep every allocation within what GLPK's double-precision simplex solves reliably: at the
/// limits (quantities of 1e9, unit costs of 1e9, capacities of 1e15) the optimum agrees with HiGHS to
/// 1e-8 relative — objectives then reach 1e18, where a `Double` carries 16 digits — and with objectives
/// below about 1e12 to the unit (LimitAllocationTests). Nothing bigger is accepted anywhere, in a file
/// or on the command line.
public enum ModelLimits {
    /// A demand's quantity per period, after a scenario's override and `demandScale`.
    public static let quantity = 1e9
    /// A capacity per period.
    public static let capacity = 1e15
    /// A cost per unit: a link's cost, a node's handling cost, an unserved penalty.
    public static let unitCost = 1e9
    /// The value of time, per unit and hour (times ``hours``, at most a ``unitCost``).
    public static let valueOfTimePerHour = 1e4
    /// A link's hours or a node's dwell hours.
    public static let hours = 1e5
    /// A commodity's load per train or per road vehicle: between ``smallestLoad`` and this, so that a
    /// capacity row's coefficients `1 / load` stay within six orders of magnitude of 1.
    public static let load = 1e6
    public static let smallestLoad = 1e-3
    /// Any other number (lengths, `demandScale` itself).
    public static let magnitude = 1e15

    /// A limit as FORMAT.md writes it: `1e9`.
    public static func written(_ limit: Double) -> String { "1e\(Int(log10(limit).rounded()))" }
}
