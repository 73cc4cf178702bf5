import CorridorOutput
import Foundation

/// Where a command's result goes: standard output, or the file or folder named by `--output`, always
/// under corridor's output policy (``OutputFile``, ``OutputFolder``; README, "What corridor writes").
enum Delivery {
    /// Prints `text` on standard output, or writes it to `output` (`-` is standard output too).
    static func text(_ text: String, to output: String?) throws(OutputError) {
        guard let output else { return Terminal.emit(text) }
        try OutputFile.write(text.hasSuffix("\n") ? text : text + "\n", to: output)
    }

    /// Writes a folder of tables of `kind` (see ``OutputFolder``).
    static func folder(
        _ files: [(name: String, contents: String)], kind: String, to output: String, force: Bool
    ) throws(OutputError) {
        try OutputFolder.write(files.map { ($0.name, Data($0.contents.utf8)) }, kind: kind, to: output, force: force)
    }
}

