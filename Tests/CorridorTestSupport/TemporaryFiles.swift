import Foundation

/// Fresh temporary folders and files for tests; each call gets its own folder, so parallel tests
/// never see each other's files.
public enum TemporaryFiles {
    /// Creates an empty folder under the system's temporary directory, named `prefix-<UUID>`.
    public static func folder(_ prefix: String = "corridor-test") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `text` as UTF-8 to `name` in a fresh folder and returns the file's path.
    public static func file(_ text: String, name: String) throws -> String {
        let file = try folder().appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
