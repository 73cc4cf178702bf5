import CorridorTestSupport
import Foundation
import Testing

/// What one run of the `corridor` executable printed and how it ended.
struct CLIResult {
    var standardOutput: String
    var standardError: String
    var exitCode: Int32
}

/// Runs the `corridor` executable built beside the test bundle, end to end, as a user would.
enum CLIRunner {
    /// A path inside the repository, e.g. `networks/tiny.json`.
    static func path(_ relative: String) -> String {
        TestNetworks.repositoryRoot.appendingPathComponent(relative).path
    }

    /// The built executable: `swift build` puts it beside the test bundle.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("corridor")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return TestNetworks.repositoryRoot.appendingPathComponent(".build/debug/corridor")
    }

    /// Runs `corridor` with `arguments` in `directory` (default: a fresh temporary folder, so relative
    /// paths cannot accidentally find the repository's files) and waits for it to finish.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let workingDirectory =
            directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("corridor-cli-\(UUID())")
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        process.currentDirectoryURL = workingDirectory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Drain standard error on another thread while reading standard output here, so a large
        // output on either pipe cannot fill it and block the child.
        let errorDrained = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: errorDrained) {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorDrained.wait()
        process.waitUntilExit()
        return CLIResult(
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self), exitCode: process.terminationStatus)
    }
}

/// `text` parsed as a JSON object; a test requirement fails when it is anything else.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}
