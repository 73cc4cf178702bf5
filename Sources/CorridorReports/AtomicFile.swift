import Foundation

/// Writes files whole or not at all: the bytes go to a temporary file beside the target, which is
/// then renamed over it, so a reader never sees half a file and a failure leaves the old one intact.
public enum AtomicFile {
    /// Writes `contents` to `path` atomically.
    /// - Throws: ``AtomicFileError`` naming the path and the system's reason.
    public static func write(_ contents: String, to path: String) throws(AtomicFileError) {
        try write(Data(contents.utf8), to: path)
    }

    /// Writes `data` to `path` atomically.
    /// - Throws: ``AtomicFileError`` naming the path and the system's reason.
    public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw AtomicFileError(path: path, reason: "is a directory")
        }
        let directory = url.deletingLastPathComponent()
        // Foundation's message for a missing folder on Linux is "The file doesn't exist", which
        // misleads when the file is what is being created.
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw AtomicFileError(path: path, reason: "no folder \(directory.path)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces an existing file atomically; Foundation's replaceItemAt does not on Linux.
            guard rename(temporary.path, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw AtomicFileError(path: path, reason: reason)
            }
        } catch let error as AtomicFileError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AtomicFileError(path: path, reason: Self.reason(of: error))
        }
    }

    private static func reason(of error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let posix = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(posix.rawValue))
        }
        return nsError.localizedDescription
    }
}

/// A file that could not be written.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write: \(reason)" }
}
