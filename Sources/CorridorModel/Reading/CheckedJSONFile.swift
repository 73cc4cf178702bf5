/// The reading every JSON input shares (networks, observations, projects): the whole file, strict JSON with
/// positions, then a check that reports every problem located by line and column.
enum CheckedJSONFile {
    static func read<T>(
        path: String, _ body: ([UInt8], String) throws(NetworkValidationError) -> T
    ) throws(NetworkValidationError) -> T {
        let bytes: InputBytes
        do {
            bytes = try InputFile.read(path: path)
        } catch {
            throw NetworkValidationError(
                source: path, diagnostics: [Diagnostic(path: error.line.map { "\(path):\($0)" } ?? path, message: error.reason)])
        }
        return try body(bytes.array, path)
    }

    /// Parses `bytes` and runs `check` with a validator whose messages locate offsets in them; the value
    /// when the check reported nothing.
    static func check<T>(
        bytes: [UInt8], source: String, _ check: (JSONTree, inout NetworkValidator) -> T?
    ) throws(NetworkValidationError) -> T {
        if bytes.isEmpty {
            throw NetworkValidationError(source: source, diagnostics: [Diagnostic(path: source, message: "the file is empty")])
        }
        let tree: JSONTree
        do {
            tree = try JSONParser.parse(bytes)
        } catch {
            let (line, column) = SourceLocator(bytes: bytes).location(of: error.offset)
            throw NetworkValidationError(
                source: source, diagnostics: [Diagnostic(path: "\(source):\(line):\(column)", message: error.message)])
        }
        var locator: SourceLocator?
        var checker = NetworkValidator { offset in
            let found = locator ?? SourceLocator(bytes: bytes)
            locator = found
            let (line, column) = found.location(of: offset)
            return "line \(line), column \(column)"
        }
        let value = check(tree, &checker)
        guard let value, checker.problems.isEmpty else {
            throw NetworkValidationError(source: source, diagnostics: checker.diagnostics)
        }
        return value
    }
}
