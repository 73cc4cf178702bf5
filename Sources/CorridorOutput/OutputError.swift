/// A result that could not be written, and nothing of the target was changed: where and why.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target as the user named it.
    public let path: String
    public let reason: String
    /// True when writing corridor's files beside what the folder holds (``OutputFolder``'s `force`) would
    /// have been allowed.
    public let forceWouldWrite: Bool

    public init(path: String, reason: String, forceWouldWrite: Bool = false) {
        self.path = path
        self.reason = reason
        self.forceWouldWrite = forceWouldWrite
    }

    public var description: String { "\(path): cannot write: \(reason)" }
}
