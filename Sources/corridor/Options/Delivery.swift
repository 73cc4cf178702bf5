import ArgumentParser
import CorridorGIS
import CorridorOutput
import CorridorReports
import Foundation

/// Where a command's result goes: standard output, or the file or folder named by `--output`, always
/// under corridor's output policy (``OutputFile``, ``OutputFolder``; README, "What corridor writes").
enum Delivery {
    /// Checks every file target of a command before anything is computed or written: each can be
    /// written, none is an input (the network, or any other file the command reads), and no two are the
    /// same file or both standard output.
    ///
    /// - Parameter targets: each option with its file; an inner `nil` is standard output (the option
    ///   left out), an outer `nil` a target that is not a file (a folder of tables) or not asked for.
    /// - Parameter folder: the `--output` folder of tables, when there is one: no file target may be it or
    ///   lie inside it.
    /// - Parameter inputNoun: what `input` is, for the message.
    /// - Parameter otherInputs: the other files the command reads (a projects file, shards), each with
    ///   what it is, for the message.
    static func checkTargets(
        _ targets: [(option: String, path: String??)], input: String, inputNoun: String = "the input network",
        otherInputs: [(path: String, noun: String)] = [], folder: String? = nil
    ) throws {
        var destinations: [(option: String, destination: OutputFile.Destination)] = []
        for (option, path) in targets {
            guard let path else { continue }
            destinations.append((option, try path.map(OutputFile.destination(of:)) ?? .standardOutput))
        }
        let inputs = ([(path: input, noun: inputNoun)] + otherInputs).map { (file: absolutePath($0.path), $0.path, $0.noun) }
        let tables = folder.flatMap(absolutePath)
        for (index, target) in destinations.enumerated() {
            if case .file(let file) = target.destination, let input = inputs.first(where: { $0.file == file }) {
                throw BadInput("\(target.option) \(input.1): that is \(input.2); name another file")
            }
            if case .file(let file) = target.destination, let tables, file == tables || file.hasPrefix(tables + "/") {
                throw BadInput("\(target.option) \(file): that is in the --output folder of tables; name a file outside it")
            }
            for earlier in destinations[..<index] where earlier.destination == target.destination {
                switch target.destination {
                case .standardOutput:
                    throw BadInput("\(earlier.option) and \(target.option) would both go to standard output; name a file for one")
                case .file(let file): throw BadInput("\(earlier.option) and \(target.option) name the same file, \(file)")
                case .device: continue
                }
            }
        }
    }

    /// The absolute path of `path` with links followed: the path itself when it exists, else its folder's
    /// and its name.
    private static func absolutePath(_ path: String) -> String? {
        func resolved(_ path: String) -> String? {
            realpath(path, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            }
        }
        if let whole = resolved(path) { return whole }
        let url = URL(fileURLWithPath: path)
        return resolved(url.deletingLastPathComponent().path).map { $0 + "/" + url.lastPathComponent }
    }

    /// Prints `text` on standard output, or writes it to `output` (`-` is standard output too). The time
    /// limit no longer applies once results are being written.
    static func text(_ text: String, to output: String?) throws(OutputError) {
        SolveWatch.shared.finish()
        try OutputFile.write(text.hasSuffix("\n") ? text : text + "\n", to: output ?? "-")
    }

    /// Writes a binary file (a GeoPackage) to `output` (`-` is standard output) under the output policy.
    static func data(_ data: Data, to output: String) throws(OutputError) {
        SolveWatch.shared.finish()
        try OutputFile.write(data, to: output)
    }

    /// Writes GIS layers as a GeoPackage file or a folder of GeoJSON files of `kind`, and names on
    /// standard error the nodes left out for lack of coordinates.
    static func layers(
        _ layers: AllocationGISLayers.Layers, as format: OutputFormat, kind: String, to output: String, force: Bool
    ) throws {
        if !layers.skippedNodes.isEmpty {
            Terminal.printNote(
                "corridor: \(layers.skippedNodes.count) node(s) without coordinates left out with their links and routes: "
                    + layers.skippedNodes.joined(separator: ", "))
        }
        if format == .gpkg {
            return try data(try GeoPackage.data(layers.layers), to: output)
        }
        try folder(layers.layers.map { ($0.name + ".geojson", GeoJSONLayer.text($0)) }, kind: kind, to: output, force: force)
    }

    /// Prints a result on standard output (see ``text(_:to:)``).
    static func standardOutput(_ text: String) throws(OutputError) { try Self.text(text, to: nil) }

    /// Writes a folder of tables of `kind` (see ``OutputFolder``).
    static func folder(
        _ files: [(name: String, contents: String)], kind: String, to output: String, force: Bool
    ) throws(OutputError) {
        SolveWatch.shared.finish()
        try OutputFolder.write(files.map { ($0.name, Data($0.contents.utf8)) }, kind: kind, to: output, force: force)
    }
}


/// `-o/--output FILE` of the commands that print one result: where to write it instead of standard output.
struct ResultOutput: ParsableArguments {
    @Option(name: [.short, .long], help: "Write the result to this file (- is standard output).", completion: .file())
    var output: String?

    /// Refuses a target that cannot be written or is an input, before anything is computed.
    func check(input: String, otherInputs: [(path: String, noun: String)] = []) throws {
        try Delivery.checkTargets([("--output", .some(output))], input: input, otherInputs: otherInputs)
    }

    /// Writes the result (see ``Delivery/text(_:to:)``).
    func deliver(_ text: String) throws(OutputError) { try Delivery.text(text, to: output) }
}
