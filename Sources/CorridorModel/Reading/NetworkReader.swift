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
        try CheckedJSONFile.read(path: path) { bytes, source throws(NetworkValidationError) in try read(bytes: bytes, source: source) }
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
        try CheckedJSONFile.check(bytes: bytes, source: source) { tree, validator in validator.validate(tree) }
    }
}
