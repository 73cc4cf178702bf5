/// A result that could not be written, and nothing of the target was changed: where and why.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target as the user named it.
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write: \(reason)" }
}
