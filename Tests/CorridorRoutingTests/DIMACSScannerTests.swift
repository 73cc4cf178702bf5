import CorridorRouting
import Testing

@Test func scannerSkipsCommentsAndBlankLinesAndReadsTokens() throws {
    let scanner = DIMACSScanner(text: "c a comment\n\np sp 3 2\na 1 2 7\r\na 2 3 -1.5\n", source: "t.gr")
    #expect(scanner.nextLine() == UInt8(ascii: "p"))
    #expect(try scanner.word("the problem type") == "sp")
    #expect(try scanner.integer("the node count") == 3)
    #expect(try scanner.integer("the arc count") == 2)
    try scanner.endLine()
    #expect(scanner.nextLine() == UInt8(ascii: "a"))
    #expect(scanner.lineNumber == 4)
    #expect(try scanner.integer("tail") == 1)
    #expect(try scanner.integer("head") == 2)
    #expect(try scanner.number("length") == 7)
    #expect(!scanner.sawDecimal)
    try scanner.endLine()
    #expect(scanner.nextLine() == UInt8(ascii: "a"))
    _ = try scanner.integer("tail")
    _ = try scanner.integer("head")
    #expect(try scanner.number("length") == -1.5)
    #expect(scanner.sawDecimal)
    try scanner.endLine()
    #expect(scanner.nextLine() == nil)
}

@Test func scannerErrorsNameTheLineAndTheToken() {
    let scanner = DIMACSScanner(text: "p max 2 1\na 1 x 4\n", source: "bad.max")
    _ = scanner.nextLine()
    _ = scanner.nextLine()
    #expect(throws: DIMACSError(source: "bad.max", line: 2, message: "expected an arc's head node, found \"x\"")) {
        _ = try scanner.integer("an arc's tail node")
        _ = try scanner.integer("an arc's head node")
    }
}

@Test func scannerRejectsTrailingTokensAndOverflow() {
    let scanner = DIMACSScanner(text: "a 1 2 3 9\na 99999999999999999999 1 1\n", source: "x")
    _ = scanner.nextLine()
    #expect(throws: DIMACSError(source: "x", line: 1, message: "unexpected \"9\" at the end of the line")) {
        for _ in 0..<3 { _ = try scanner.integer("a number") }
        try scanner.endLine()
    }
    _ = scanner.nextLine()
    #expect(throws: DIMACSError(source: "x", line: 2, message: "an arc's tail node is too large")) {
        _ = try scanner.integer("an arc's tail node")
    }
}

@Test func missingFileIsAClearError() {
    #expect(throws: DIMACSError(source: "/nonexistent/x.gr", line: 0, message: "no such file")) {
        _ = try DIMACSScanner(path: "/nonexistent/x.gr")
    }
}
