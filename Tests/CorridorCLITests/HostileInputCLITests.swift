import CorridorTestSupport
import Foundation
import Testing

/// Inputs that once crashed, hung or misled: each now exits 2 with a message saying where and what.
@Suite struct HostileInputCLITests {
    /// DIMACS headers announcing more than the file can hold are refused at the problem line, before
    /// anything is allocated for them (they used to abort the process asking for gigabytes).
    @Test(arguments: [
        ("maxflow", "p max 2000000000 1\nn 1 s\nn 2 t\na 1 2 5\n", "x:1: the problem line announces 2000000000 nodes"),
        ("maxflow", "p max 4 1000000000\nn 1 s\nn 2 t\na 1 2 5\n", "x:1: the problem line announces 1000000000 arcs"),
        ("mincost", "p min 2000000000 1\na 1 2 0 1 1\n", "x:1: the problem line announces 2000000000 nodes"),
        ("mincost", "p min 3 900000000\nn 1 1\nn 2 -1\n", "x:1: the problem line announces 900000000 arcs"),
        ("route", "p sp 4 1000000000\na 1 2 1\n", "x:1: the problem line announces 1000000000 arcs"),
        ("route", "p sp 2000000000 1\na 1 2 1\n", "x:1: the problem line announces 2000000000 nodes"),
    ])
    func hugeDIMACSHeadersAreRefusedAtTheirLine(command: String, text: String, message: String) throws {
        let folder = try TemporaryFiles.folder()
        try Data(text.utf8).write(to: folder.appendingPathComponent("x"))
        let result = try CLIRunner.run([command, "x"] + (command == "route" ? ["--from", "1"] : []), in: folder)
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("corridor: " + message), "\(result.standardError)")
    }

    /// A 6 GB sparse file behind a valid header stops at its first NUL byte, without reading the rest.
    @Test func sparseFileStopsAtItsFirstNulByte() throws {
        let folder = try TemporaryFiles.folder()
        let path = folder.appendingPathComponent("sparse.max").path
        try Data("p max 2 1\nn 1 s\nn 2 t\na 1 2 5\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, 6 << 30) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLIRunner.run(["maxflow", "sparse.max"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.standardError == "corridor: sparse.max:5: a NUL byte at byte 31: this is not a text file\n")
    }

    @Test func inputsThatAreNotTextFilesSaySo() throws {
        let folder = try TemporaryFiles.folder()
        try Data().write(to: folder.appendingPathComponent("empty.gr"))
        try "{\"format\": \"corridor-network/1\"}".data(using: .utf16)!.write(to: folder.appendingPathComponent("u16.json"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir"), withIntermediateDirectories: false)
        #expect(mkfifo(folder.appendingPathComponent("fifo").path, 0o600) == 0)
        let cases: [([String], String)] = [
            (["route", "empty.gr", "--from", "1"], "corridor: empty.gr: the file is empty\n"),
            (["maxflow", "empty.gr"], "corridor: empty.gr: the file is empty\n"),
            (["route", "dir", "--from", "1"], "corridor: dir: is a folder, not a file\n"),
            (["validate", "dir"], "corridor: dir: is a folder, not a file\n"),
            (["validate", "/dev/null"], "corridor: /dev/null: the file is empty\n"),
            (["maxflow", "u16.json"], "corridor: u16.json: looks like UTF-16 text; corridor reads UTF-8: save the file as UTF-8\n"),
            (["validate", "u16.json"], "corridor: u16.json: looks like UTF-16 text; corridor reads UTF-8: save the file as UTF-8\n"),
            // A FIFO nobody writes to reads as nothing instead of hanging.
            (["maxflow", "fifo"], "corridor: fifo: nothing to read (a pipe or FIFO with no writer?)\n"),
            (["mincost", "fifo"], "corridor: fifo: nothing to read (a pipe or FIFO with no writer?)\n"),
            (["validate", "missing.json"], "corridor: missing.json: no such file\n"),
        ]
        for (arguments, message) in cases {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError == message, "\(arguments)")
        }
    }

    @Test func carriageReturnLineEndsAreLineEnds() throws {
        let folder = try TemporaryFiles.folder()
        try Data("c old Mac line ends\rp sp 3 2\ra 1 2 3\ra 2 3 4\r".utf8).write(to: folder.appendingPathComponent("cr.gr"))
        let result = try CLIRunner.run(["route", "cr.gr", "--from", "1", "--format", "json"], in: folder)
        #expect(result.exitCode == 0)
        let document = try jsonObject(result.standardOutput)
        #expect(document["reached"] as? Double == 3 && document["distanceSum"] as? Double == 10, "\(document)")
        try Data("p sp 3 2\ra 1 2 3\ra 2 x 4\r".utf8).write(to: folder.appendingPathComponent("bad.gr"))
        let bad = try CLIRunner.run(["route", "bad.gr", "--from", "1"], in: folder)
        #expect(bad.standardError == "corridor: bad.gr:3: expected an arc's head node, found \"x\"\n")
    }

    @Test func aRepeatedSupplyLineNamesItsLine() throws {
        let folder = try TemporaryFiles.folder()
        try Data("p min 2 1\nn 1 5\nn 2 -5\nn 1 5\na 1 2 0 9 1\n".utf8).write(to: folder.appendingPathComponent("x.min"))
        let result = try CLIRunner.run(["mincost", "x.min"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.standardError == "corridor: x.min:4: a second \"n\" line for node 1; each node has one supply\n")
    }

    @Test func controlBytesInATokenAreEscaped() throws {
        let folder = try TemporaryFiles.folder()
        try Data("p sp 2 1\na 1 \u{1B}[31m 3\n".utf8).write(to: folder.appendingPathComponent("esc.gr"))
        let result = try CLIRunner.run(["route", "esc.gr", "--from", "1"], in: folder)
        #expect(result.exitCode == 2)
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(result.standardError.contains(#"\u{1B}[31m"#), "\(result.standardError)")
    }
}
