import CGLPKGuard

/// The GLPK library corridor solves its linear programs with.
public enum GLPK {
    /// The linked GLPK's version, e.g. `5.0`. The corresponding GLPK routine is `glp_version`.
    public static var version: String { String(cString: cglpk_version()) }
}
