import CorridorOutput
import CorridorTestSupport
import Foundation
import Testing

/// The single-file output policy on every kind of target a user can name.
@Suite struct OutputFileTests {
    let folder: URL

    init() throws { folder = try TemporaryFiles.folder("output-file") }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".corridor-tmp-") }
    }

    @Test func writesThenReplacesWholeFilesKeepingTheirPermissions() throws {
        try OutputFile.write("first", to: path("out.txt"))
        // Group-writable, which the usual umask 022 would strip from a new file.
        #expect(chmod(path("out.txt"), 0o664) == 0)
        let mask = umask(0o022)
        defer { umask(mask) }
        try OutputFile.write("second", to: path("out.txt"))
        #expect(try read("out.txt") == "second")
        let attributes = try FileManager.default.attributesOfItem(atPath: path("out.txt"))
        #expect((attributes[.posixPermissions] as? Int) == 0o664)
        #expect(try leftovers().isEmpty)
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStays() throws {
        try "old".write(toFile: path("real.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.txt"), withDestinationPath: "real.txt")
        try OutputFile.write("new", to: path("link.txt"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.txt")) == "real.txt")
        #expect(try read("real.txt") == "new")
        // A dangling link creates the file it names.
        try FileManager.default.createSymbolicLink(atPath: path("dangling.txt"), withDestinationPath: "later.txt")
        try OutputFile.write("made", to: path("dangling.txt"))
        #expect(try read("later.txt") == "made")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("dangling.txt")) == "later.txt")
    }

    @Test func devicesAreWrittenInPlaceNeverReplaced() throws {
        try OutputFile.write("discarded", to: "/dev/null")
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
        #expect(throws: OutputError(path: "/dev/full", reason: "no space left on device")) {
            try OutputFile.write("x", to: "/dev/full")
        }
        #expect(lstat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aFIFOGetsTheBytesOrSaysNobodyReads() throws {
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: OutputError(path: fifo, reason: "no process is reading from the FIFO")) {
            try OutputFile.write("x", to: fifo)
        }
        nonisolated(unsafe) var received = ""
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            received = handle.map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) } ?? "unreadable"
        }
        reader.start()
        var written = false
        for _ in 0..<200 where !written {
            usleep(10_000)
            written = (try? OutputFile.write("through the pipe", to: fifo)) != nil
        }
        #expect(written)
        for _ in 0..<200 where received.isEmpty { usleep(10_000) }
        #expect(received == "through the pipe")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func foldersSocketsAndMissingFoldersAreRefused() throws {
        #expect(throws: OutputError(path: folder.path, reason: "is a folder; name a file")) {
            try OutputFile.write("x", to: folder.path)
        }
        let missing = path("no-such-folder/out.txt")
        #expect(throws: OutputError(path: missing, reason: "no folder \(path("no-such-folder"))")) {
            try OutputFile.write("x", to: missing)
        }
        #expect(throws: OutputError(path: "\"\"", reason: "an empty file name")) { try OutputFile.write("x", to: "") }
        #expect(try leftovers().isEmpty)
    }

    @Test func aReadOnlyFolderChangesNothing() throws {
        try OutputFile.write("kept", to: path("out.txt"))
        #expect(chmod(folder.path, 0o500) == 0)
        defer { chmod(folder.path, 0o700) }
        // root ignores permission bits; the test means something only for other users.
        guard getuid() != 0 else { return }
        #expect(throws: OutputError.self) { try OutputFile.write("lost", to: path("out.txt")) }
        #expect(try read("out.txt") == "kept")
    }

    @Test func aKilledRunsTemporaryFileIsRemovedByTheNextRun() throws {
        let gone = try deadProcessID()
        let stale = path(".out.txt.corridor-tmp-\(gone)-1a2b")
        let live = path(".out.txt.corridor-tmp-\(getpid())-3c4d")
        try "half".write(toFile: stale, atomically: false, encoding: .utf8)
        try "in use".write(toFile: live, atomically: false, encoding: .utf8)
        try OutputFile.write("whole", to: path("out.txt"))
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}

/// The id of a process that has ended.
func deadProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}
