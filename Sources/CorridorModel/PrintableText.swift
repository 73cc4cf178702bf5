extension String {
    /// True when the text holds a control character (C0, DEL or C1), which a terminal would act on
    /// instead of printing.
    public var containsControlCharacters: Bool {
        unicodeScalars.contains(where: \.isControlCharacter)
    }

    /// The text with every control character written as an escape (`\n`, `\t`, `\u{1B}`), so that a
    /// name or a token from a file can be printed without moving the cursor or recolouring the terminal.
    public var escapingControlCharacters: String {
        guard containsControlCharacters else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.isControlCharacter:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// C0 controls, DEL and C1 controls.
    var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
