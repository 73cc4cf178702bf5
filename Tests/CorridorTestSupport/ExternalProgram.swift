import Foundation

/// Runs the reference tools the tests compare against (`glpsol`, `ogrinfo`).
public enum ExternalProgram {
    /// GLPK's stand-alone solver, from Debian's glpk-utils.
    public static let glpsol = "/usr/bin/glpsol"

    /// Runs `executable` with `arguments` and waits for it.
    /// - Returns: its exit status and what it wrote to standard output and standard error together.
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
