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
        try Data([0x01, 0x00]).write(to: folder.appendingPathComponent("two.bin"))
        try Data("{\"a\": 1}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: folder.appendingPathComponent("le.json"))
        let cases: [([String], String)] = [
            (["validate", "two.bin"], "corridor: two.bin:1: a NUL byte at byte 2: this is not a text file\n"),
            (["validate", "le.json"], "corridor: le.json: looks like UTF-16 text; corridor reads UTF-8: save the file as UTF-8\n"),
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

/// Values that once ran forever, crashed GLPK or printed 309-digit numbers: each is refused up front.
@Suite struct HostileValueCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test(arguments: [
        (["--capacity", "bakhty", "--min", "0", "--max", "1e16", "--steps", "2"], "corridor: --max 1e+16: a capacity is at most 1e15\n"),
        (["--capacity", "bakhty", "--min", "0", "--max", "1e308", "--steps", "2"], "corridor: --max 1e+308: a capacity is at most 1e15\n"),
        (["--cost", "urumqi-bakhty", "--min", "0", "--max", "2e9", "--steps", "2"], "corridor: --max 2000000000: a cost is at most 1e9\n"),
        (["--capacity", "bakhty", "--min", "0", "--max", "-1", "--steps", "2"], "corridor: --min 0 is above --max -1\n"),
        (["--capacity", "bakhty", "--min", "-5", "--max", "10", "--steps", "2"], "corridor: --min -5: a capacity cannot be negative\n"),
        (["--capacity", "bakhty", "--min", "0", "--max", "10", "--steps", "99999999999"],
         "corridor: --steps 99999999999: at most 100000 points; sweep a narrower range in shards\n"),
        (["--demand-scale", "--min", "0", "--max", "1e8", "--steps", "2"],
         "corridor: quantity of demand \"xian-duisburg\" at demand scale 100000000: 12000000000 is not a number from 0 to 1e9\n"),
    ])
    func sweepValuesAreCheckedUpFront(arguments: [String], message: String) throws {
        let result = try CLIRunner.run(["sweep", tiny, "--scenario", "third-crossing"] + arguments)
        #expect(result.exitCode == 2)
        #expect(result.standardError == message)
    }

    @Test func capacitiesUpToTheLimitSolve() throws {
        let result = try CLIRunner.run([
            "sweep", tiny, "--scenario", "third-crossing", "--capacity", "bakhty", "--min", "0", "--max", "1e15", "--steps", "3",
            "--format", "json",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
    }

    /// The time limit ends a long solve with exit code 1 and a sentence, within a fraction of a second of it.
    @Test func theTimeLimitStopsALongSolve() throws {
        let folder = try TemporaryFiles.folder()
        try Self.largeNetwork().write(to: folder.appendingPathComponent("large.json"), atomically: false, encoding: .utf8)
        let started = Date()
        let result = try CLIRunner.run(["allocate", "large.json", "--time-limit", "1", "--output", "out.json"], in: folder)
        let seconds = Date().timeIntervalSince(started)
        #expect(result.exitCode == 1)
        #expect(result.standardError == "corridor: allocate stopped at the time limit of 1 s (--time-limit)\n")
        #expect(seconds < 5, "took \(seconds) s")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["large.json"])
        let bad = try CLIRunner.run(["allocate", tiny, "--time-limit", "0"])
        #expect(bad.exitCode == 2)
        #expect(bad.standardError.contains("--time-limit must be a number of seconds above 0"))
    }

    /// A 6,000-node grid with 60 demands: several seconds of simplex in a debug build.
    static func largeNetwork() -> String {
        let side = 60
        var nodes: [String] = []
        var links: [String] = []
        for row in 0..<side {
            for column in 0..<side / 2 {
                let n = row * side / 2 + column
                nodes.append(#"{"id": "n\#(n)", "kind": "junction", "capacity": \#(40 + (n * 7) % 90)}"#)
                if column + 1 < side / 2 {
                    links.append(#"{"id": "h\#(n)", "from": "n\#(n)", "to": "n\#(n + 1)", "mode": "rail", "cost": \#(1 + n % 13), "capacity": \#(30 + n % 50), "bidirectional": true}"#)
                }
                if row + 1 < side {
                    links.append(#"{"id": "v\#(n)", "from": "n\#(n)", "to": "n\#(n + side / 2)", "mode": "rail", "cost": \#(1 + n % 11), "capacity": \#(30 + n % 40), "bidirectional": true}"#)
                }
            }
        }
        let count = side * side / 2
        let demands = (0..<60).map { k in
            #"{"id": "d\#(k)", "origin": "n\#((k * 97) % count)", "destination": "n\#((k * 389 + count / 2) % count)", "quantity": \#(20 + k % 30)}"#
        }
        return #"{"format": "corridor-network/1", "name": "large", "unit": "TEU", "period": "day", "currency": "USD", "nodes": ["#
            + nodes.joined(separator: ",\n") + "], \"links\": [" + links.joined(separator: ",\n") + "], \"demands\": ["
            + demands.joined(separator: ",\n") + "]}"
    }

    /// On a terminal a long solve shows the seconds spent; with TERM=dumb or through a pipe it shows nothing.
    @Test func aLongSolveShowsProgressOnATerminalOnly() throws {
        let folder = try TemporaryFiles.folder()
        try Self.largeNetwork().write(to: folder.appendingPathComponent("large.json"), atomically: false, encoding: .utf8)
        let command = "\(CLIRunner.executable.path) allocate large.json --time-limit 3 >/dev/null"
        for (term, shows) in [("xterm", true), ("dumb", false)] {
            let (_, output) = try ExternalProgram.run(
                "/usr/bin/env", ["TERM=\(term)", "NO_COLOR=", "/usr/bin/script", "-qec", "cd \(folder.path) && \(command)", "/dev/null"])
            #expect(output.contains("allocate: solving… 2 s") == shows, "TERM=\(term): \(output)")
            #expect(output.contains("stopped at the time limit of 3 s"))
        }
        let piped = try CLIRunner.run(["allocate", "large.json", "--time-limit", "3"], in: folder)
        #expect(!piped.standardError.contains("solving"))
    }
}
