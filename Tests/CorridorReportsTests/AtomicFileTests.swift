import CorridorReports
import CorridorTestSupport
import Foundation
import Testing

@Suite struct AtomicFileTests {
    let folder: URL

    init() throws { folder = try TemporaryFiles.folder("atomic") }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test func writesThenReplacesWholeFiles() throws {
        let path = folder.appendingPathComponent("out.txt").path
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try leftovers().isEmpty)
    }

    @Test func failuresNameThePathAndLeaveNothingBehind() throws {
        #expect(throws: AtomicFileError(path: folder.path, reason: "is a directory")) {
            try AtomicFile.write("x", to: folder.path)
        }
        let missing = folder.appendingPathComponent("no-such-folder/out.txt").path
        #expect(throws: AtomicFileError(path: missing, reason: "no folder \(folder.path)/no-such-folder")) {
            try AtomicFile.write("x", to: missing)
        }
        #expect(try leftovers().isEmpty)
    }
}
