import CorridorLP

/// What `--version` and the server's `GET /version` report.
public enum CorridorVersion {
    /// corridor's own version.
    public static let current = "0.1.0"
    /// The linked GLPK's version, e.g. `5.0`.
    public static var glpk: String { GLPK.version }
}
