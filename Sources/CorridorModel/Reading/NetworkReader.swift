import Foundation

/// Reads `corridor-network/1` files into validated ``Network`` values.
///
/// The bytes go through a strict JSON parser that keeps positions (``JSONParser``), then through a
/// validator that checks every key, type, range and reference and reports every problem at once.
///
/// ```swift
/// do {
///     let network = try NetworkReader.read(path: "networks/tiny.json")
/// } catch {
///     print(error)  // networks/tiny.json: 2 problems
///                   //   links[3].to: unknown node "dostik" (did you mean "dostyk"?)
///                   //   …
/// }
/// ```
public enum NetworkReader {
    /// Reads and validates the network file at `path`.
    ///
    /// - Throws: ``NetworkValidationError`` listing every problem found, in file order; a missing
    ///   file, a directory, an empty file or a JSON syntax error is a single problem.
    public static func read(path: String) throws(NetworkValidationError) -> Network {
        let bytes: InputBytes
        do {
            bytes = try InputFile.read(path: path)
        } catch {
            throw fileProblem(error.line.map { "\(path):\($0)" } ?? path, error.reason, source: path)
        }
        return try read(bytes: bytes.array, source: path)
    }

    /// Reads and validates a network from the bytes of a file.
    ///
    /// - Parameter source: the file's name as the user gave it; messages start with it.
    /// - Throws: ``NetworkValidationError`` listing every problem found, in file order.
    public static func read(data: Data, source: String) throws(NetworkValidationError) -> Network {
        try read(bytes: [UInt8](data), source: source)
    }

    /// Reads and validates a network from the bytes of a file.
    ///
    /// - Parameter source: the file's name as the user gave it; messages start with it.
    /// - Throws: ``NetworkValidationError`` listing every problem found, in file order.
    public static func read(bytes: [UInt8], source: String) throws(NetworkValidationError) -> Network {
        if bytes.isEmpty { throw fileProblem(source, "the file is empty") }
        let tree: JSONTree
        do {
            tree = try JSONParser.parse(bytes)
        } catch {
            let (line, column) = SourceLocator(bytes: bytes).location(of: error.offset)
            throw fileProblem("\(source):\(line):\(column)", error.message, source: source)
        }
        // Built only when a message needs a line number: most files have no problems.
        var locator: SourceLocator?
        var validator = NetworkValidator { offset in
            let found = locator ?? SourceLocator(bytes: bytes)
            locator = found
            let (line, column) = found.location(of: offset)
            return "line \(line), column \(column)"
        }
        guard let network = validator.validate(tree) else {
            throw NetworkValidationError(source: source, diagnostics: validator.diagnostics)
        }
        return network
    }

    private static func fileProblem(_ path: String, _ message: String, source: String? = nil) -> NetworkValidationError
    {
        NetworkValidationError(source: source ?? path, diagnostics: [Diagnostic(path: path, message: message)])
    }
}
