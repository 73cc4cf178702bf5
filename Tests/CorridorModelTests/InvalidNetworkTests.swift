import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

/// The fixture folders beside this file, found through `#filePath` so no resource bundle is needed.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let invalid = folder.appendingPathComponent("invalid")
    static let valid = folder.appendingPathComponent("valid")

    /// Every `invalid/NAME.expected`: `NAME.json` beside it (a file, a directory, or nothing at all)
    /// must be rejected with exactly that text.
    static var invalidNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: invalid.path)) ?? []
        return files.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) }.sorted()
    }
}

@Test(arguments: Fixtures.invalidNames)
func invalidNetworkIsRejectedWithTheExpectedText(_ name: String) throws {
    let expected = try String(contentsOf: Fixtures.invalid.appendingPathComponent(name + ".expected"), encoding: .utf8)
    let path = Fixtures.invalid.appendingPathComponent(name + ".json").path
    do {
        let network = try NetworkReader.read(path: path)
        Issue.record("\(name).json was accepted as \(network.name)")
    } catch {
        let text = error.description.replacingOccurrences(of: Fixtures.invalid.path + "/", with: "")
        #expect(text + "\n" == expected)
    }
}

@Test func everyInvalidFixtureHasItsExpectedText() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.invalid.path)
    let fixtures = Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) })
    #expect(fixtures.subtracting(Fixtures.invalidNames).isEmpty)
    #expect(fixtures.count >= 60)
}

@Test func manyFaultsAreAllReportedInFileOrder() throws {
    let path = Fixtures.invalid.appendingPathComponent("many-faults.json").path
    #expect(throws: NetworkValidationError.self) { try NetworkReader.read(path: path) }
    do {
        _ = try NetworkReader.read(path: path)
    } catch {
        #expect(error.diagnostics.count == 12)
        #expect(
            error.diagnostics.first
                == Diagnostic(path: "format", message: "expected \"corridor-network/1\" or \"corridor-network/2\", found \"corridor-network/0\""))
        #expect(
            error.diagnostics.contains(
                Diagnostic(path: "links[1].to", message: "unknown node \"dostik\"", suggestion: "dostyk")))
    }
}

@Test func readingFromDataNamesTheGivenSource() {
    #expect(
        throws: NetworkValidationError(
            source: "pasted",
            diagnostics: [
                Diagnostic(path: "pasted:1:2", message: "unexpected end of file; expected a key in double quotes")
            ])
    ) {
        try NetworkReader.read(data: Data("{".utf8), source: "pasted")
    }
}

/// Damaged copies of tiny.json (bytes flipped, cut short, removed, inserted) must be read or
/// rejected with at least one message — never crash, never hang.
@Test func damagedFilesNeverCrashTheReader() throws {
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestNetworks.tiny)))
    let seed = UInt64(ProcessInfo.processInfo.environment["CORRIDOR_FUZZ_SEED"] ?? "") ?? 20_261_123
    let count = Int(ProcessInfo.processInfo.environment["CORRIDOR_FUZZ_COUNT"] ?? "") ?? 400
    var random = SeededGenerator(seed: seed)
    var rejected = 0
    for _ in 0..<count {
        var bytes = original
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes.removeSubrange(position...)
            case 2: bytes.remove(at: position)
            default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        do {
            _ = try NetworkReader.read(data: Data(bytes), source: "damaged.json")
        } catch {
            rejected += 1
            #expect(!error.diagnostics.isEmpty, "seed \(seed)")
            #expect(error.diagnostics.allSatisfy { !$0.message.isEmpty }, "seed \(seed)")
        }
    }
    #expect(rejected > count / 2, "seed \(seed): most damage must be noticed")
}
