import CorridorOutput
import Synchronization
import CorridorTestSupport
import Foundation
import Testing

/// The folder output policy: corridor replaces only folders of its own output, whole.
@Suite struct OutputFolderTests {
    let folder: URL

    init() throws { folder = try TemporaryFiles.folder("output-folder") }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private func tables(_ tag: String) -> [(name: String, contents: Data)] {
        [("a.csv", Data("a,\(tag)\n".utf8)), ("b.csv", Data("b,\(tag)\n".utf8))]
    }
    private func listing(_ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(name)).sorted()
    }
    private func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    @Test func aNewFolderHoldsTheFilesAndAManifest() throws {
        try OutputFolder.write(tables("1"), kind: "test-csv", to: path("out"))
        #expect(try listing("out") == ["a.csv", "b.csv", "corridor-manifest.json"])
        #expect(try read("out/a.csv") == "a,1\n")
        let manifest = try JSONSerialization.jsonObject(with: Data(read("out/corridor-manifest.json").utf8))
        #expect((manifest as? [String: Any])?["kind"] as? String == "test-csv")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }

    @Test func aPreviousOutputOfTheSameKindIsReplacedWhole() throws {
        try OutputFolder.write(tables("1") + [("c.csv", Data("c\n".utf8))], kind: "test-csv", to: path("out"))
        try OutputFolder.write(tables("2"), kind: "test-csv", to: path("out"))
        #expect(try listing("out") == ["a.csv", "b.csv", "corridor-manifest.json"])
        #expect(try read("out/b.csv") == "b,2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }

    @Test func anEmptyFolderIsFilledAndKeepsItsPermissions() throws {
        try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: false)
        #expect(chmod(path("empty"), 0o750) == 0)
        try OutputFolder.write(tables("1"), kind: "test-csv", to: path("empty"))
        #expect(try listing("empty") == ["a.csv", "b.csv", "corridor-manifest.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path("empty"))
        #expect((attributes[.posixPermissions] as? Int) == 0o750)
    }

    @Test func aFolderWithOtherFilesIsRefusedAndUntouched() throws {
        try FileManager.default.createDirectory(atPath: path("project"), withIntermediateDirectories: false)
        try "my notes".write(toFile: path("project/notes.txt"), atomically: false, encoding: .utf8)
        try "mine".write(toFile: path("project/a.csv"), atomically: false, encoding: .utf8)
        #expect(
            throws: OutputError(
                path: path("project"),
                reason: "the folder holds files corridor did not write (a.csv, notes.txt); name a new or empty folder",
                forceWouldWrite: true)
        ) { try OutputFolder.write(tables("1"), kind: "test-csv", to: path("project")) }
        // Even with force, a file of the same name that corridor did not write stops everything.
        #expect(
            throws: OutputError(
                path: path("project"),
                reason: "a.csv in it was not written by corridor and would be replaced; name a new or empty folder")
        ) { try OutputFolder.write(tables("1"), kind: "test-csv", to: path("project"), force: true) }
        #expect(try listing("project") == ["a.csv", "notes.txt"])
        #expect(try read("project/a.csv") == "mine")
    }

    @Test func forceWritesBesideOtherFilesAndReplacesOnlyItsOwn() throws {
        try FileManager.default.createDirectory(atPath: path("shared"), withIntermediateDirectories: false)
        try "my notes".write(toFile: path("shared/notes.txt"), atomically: false, encoding: .utf8)
        try OutputFolder.write(
            tables("1") + [("c.csv", Data("c\n".utf8))], kind: "test-csv", to: path("shared"), force: true)
        try OutputFolder.write(tables("2"), kind: "other-csv", to: path("shared"), force: true)
        // Everything not written again stays, the earlier c.csv included (still listed as corridor's).
        #expect(try listing("shared") == ["a.csv", "b.csv", "c.csv", "corridor-manifest.json", "notes.txt"])
        #expect(try read("shared/a.csv") == "a,2\n")
        #expect(try read("shared/notes.txt") == "my notes")
        #expect(try read("shared/corridor-manifest.json").contains("\"c.csv\""))
    }

    /// A file corridor wrote but the user edited since is the user's: refused, and with force a clash.
    @Test func anEditedTableIsTheUsers() throws {
        try OutputFolder.write(tables("1"), kind: "test-csv", to: path("out"))
        try "a,edited by hand\n".write(toFile: path("out/a.csv"), atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputFolder.write(tables("2"), kind: "test-csv", to: path("out")) }
        #expect(throws: OutputError.self) { try OutputFolder.write(tables("2"), kind: "test-csv", to: path("out"), force: true) }
        #expect(try read("out/a.csv") == "a,edited by hand\n")
    }

    /// A `corridor-manifest.json` that is not corridor's is the user's file: force does not replace it.
    @Test func aUsersOwnManifestFileIsKept() throws {
        try FileManager.default.createDirectory(atPath: path("mine"), withIntermediateDirectories: false)
        try #"{"mine": true}"#.write(toFile: path("mine/corridor-manifest.json"), atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputFolder.write(tables("1"), kind: "test-csv", to: path("mine"), force: true) }
        #expect(try read("mine/corridor-manifest.json") == #"{"mine": true}"#)
        #expect(try listing("mine") == ["corridor-manifest.json"])
    }

    /// A hand-made manifest that lists the user's file does not make it corridor's to delete.
    @Test func aForgedManifestListsNothingOfTheUsers() throws {
        try FileManager.default.createDirectory(atPath: path("forged"), withIntermediateDirectories: false)
        try "my notes".write(toFile: path("forged/notes.txt"), atomically: false, encoding: .utf8)
        try #"{"format": "corridor-manifest/2", "kind": "test-csv", "files": [{"name": "notes.txt", "bytes": 1, "fnv1a64": "0"}]}"#
            .write(toFile: path("forged/corridor-manifest.json"), atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputFolder.write(tables("1"), kind: "test-csv", to: path("forged")) }
        try OutputFolder.write(tables("1"), kind: "test-csv", to: path("forged"), force: true)
        #expect(try read("forged/notes.txt") == "my notes")
    }

    /// One-character and 250-character names (Foundation's NSString path methods trap on the first; the
    /// temporary name of the second once passed the 255-byte limit).
    @Test func shortAndLongNamesAreWritten() throws {
        let long = String(repeating: "n", count: 250)
        try OutputFolder.write(tables("1"), kind: "test-csv", to: path("t"))
        try OutputFile.write("x", to: path(long))
        #expect(try read(long) == "x")
        #expect(try listing("t").count == 3)
    }

    @Test func anotherKindOfOutputIsNotReplacedWithoutForce() throws {
        try OutputFolder.write(tables("1"), kind: "allocation-csv", to: path("out"))
        #expect(
            throws: OutputError(
                path: path("out"),
                reason: "holds corridor's allocation-csv output, not comparison-csv; name another folder", forceWouldWrite: true)
        ) { try OutputFolder.write(tables("2"), kind: "comparison-csv", to: path("out")) }
        #expect(try read("out/a.csv") == "a,1\n")
    }

    @Test func aLinkToAFolderIsWrittenThroughAndStays() throws {
        try FileManager.default.createDirectory(atPath: path("real"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: "real")
        try OutputFolder.write(tables("1"), kind: "test-csv", to: path("link"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link")) == "real")
        #expect(try listing("real") == ["a.csv", "b.csv", "corridor-manifest.json"])
    }

    @Test func filesDevicesAndStandardOutputAreNotFolders() throws {
        try "x".write(toFile: path("file.txt"), atomically: false, encoding: .utf8)
        #expect(throws: OutputError(path: path("file.txt"), reason: "exists and is not a folder")) {
            try OutputFolder.write(tables("1"), kind: "test-csv", to: path("file.txt"))
        }
        #expect(throws: OutputError(path: "/dev/null", reason: "exists and is not a folder")) {
            try OutputFolder.write(tables("1"), kind: "test-csv", to: "/dev/null")
        }
        #expect(
            throws: OutputError(path: "-", reason: "a folder of files cannot go to standard output; name a folder")
        ) { try OutputFolder.write(tables("1"), kind: "test-csv", to: "-") }
        #expect(throws: OutputError(path: "/", reason: "is the working folder or a folder above it; name a new folder for the tables")) {
            try OutputFolder.write(tables("1"), kind: "test-csv", to: "/")
        }
        #expect(try read("file.txt") == "x")
    }

    @Test func aKilledRunsStagingFolderIsRemovedByTheNextRun() throws {
        let stale = path(".out.corridor-tmp-\(try deadProcessID())-99")
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: false)
        try "half".write(toFile: stale + "/a.csv", atomically: false, encoding: .utf8)
        try OutputFolder.write(tables("1"), kind: "test-csv", to: path("out"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }

    /// Writers racing on one folder: each succeeds or says why, and the folder ends as one writer's whole set.
    @Test func racingWritersLeaveOneWholeSet() throws {
        let target = path("raced")
        let failures = Mutex([String]())
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            do {
                try OutputFolder.write(self.tables("\(writer)"), kind: "test-csv", to: target)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        for failure in failures.withLock({ $0 }) {
            #expect(failure.contains("another process") || failure.contains("cannot write"), "\(failure)")
        }
        #expect(try listing("raced") == ["a.csv", "b.csv", "corridor-manifest.json"])
        let a = try read("raced/a.csv").dropFirst(2)
        let b = try read("raced/b.csv").dropFirst(2)
        #expect(a == b)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["raced"])
    }
}
