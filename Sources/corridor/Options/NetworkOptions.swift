import ArgumentParser
import CorridorModel
import Foundation

/// The NETWORK argument shared by the commands that read a network (or DIMACS) file.
struct NetworkFile: ParsableArguments {
    @Argument(help: "The network file (default: the bundled China–Europe network).", completion: Completions.networkFile)
    var network: String?

    /// The path to read: the argument, or the bundled network.
    func resolvedPath() throws(BadInput) -> String {
        if let network { return network }
        return try BundledNetworks.path(of: BundledNetworks.defaultName)
    }

    /// Reads the input file whole, for commands that take a network or a DIMACS file (see
    /// ``InputBytes/looksLikeJSON``).
    func readInput() throws(BadInput) -> InputBytes {
        let path = try resolvedPath()
        do { return try InputFile.read(path: path) } catch { throw BadInput(error.description) }
    }

    /// Reads and validates the network file (from `input` when it was read already).
    func loadNetwork(from input: InputBytes? = nil) throws -> Network {
        let path = try resolvedPath()
        guard let input else { return try NetworkReader.read(path: path) }
        return try NetworkReader.read(bytes: input.array, source: path)
    }
}

/// The NETWORK argument and the optional `--scenario` of the commands that work on one scenario.
struct NetworkOptions: ParsableArguments {
    @OptionGroup var file: NetworkFile

    @Option(name: .long, help: "The scenario to apply (default: baseline).", completion: Completions.scenarios)
    var scenario: String?

    var network: String? { file.network }
    func resolvedPath() throws(BadInput) -> String { try file.resolvedPath() }
    func readInput() throws(BadInput) -> InputBytes { try file.readInput() }
    func loadNetwork(from input: InputBytes? = nil) throws -> Network { try file.loadNetwork(from: input) }

    /// Reads the network and applies the scenario.
    func loadActiveNetwork(from input: InputBytes? = nil) throws -> ActiveNetwork {
        try loadNetwork(from: input).activate(scenario: scenario)
    }
}

/// Finds the networks shipped in the repository's `networks/` folder, wherever corridor is run from.
enum BundledNetworks {
    static let defaultName = "china-europe.json"

    /// The path of a bundled network file.
    ///
    /// Looked for, in order: in `$CORRIDOR_NETWORKS`; in a `networks/` folder beside the executable or
    /// any folder above it (a build inside the repository); in the repository this executable was
    /// built from.
    static func path(of name: String) throws(BadInput) -> String {
        let fileManager = FileManager.default
        var folders: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CORRIDOR_NETWORKS"] {
            folders.append(URL(fileURLWithPath: override))
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            folders.append(folder.appendingPathComponent("networks"))
            folder = folder.deletingLastPathComponent()
        }
        let sourceRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        folders.append(sourceRoot.appendingPathComponent("networks"))
        for folder in folders {
            let candidate = folder.appendingPathComponent(name).path
            if fileManager.isReadableFile(atPath: candidate) { return candidate }
        }
        throw BadInput(
            "cannot find the bundled network \(name); pass a network file or set CORRIDOR_NETWORKS to the networks folder")
    }
}
