import CorridorLP
import Foundation
import Testing

/// LP and MPS exports, checked by solving them again with GLPK's own `glpsol`.
@Suite struct LPFileTests {
    enum Format: String, CaseIterable, Sendable {
        case lp = "--lp"
        case freeMPS = "--freemps"
    }

    @Test(arguments: Format.allCases)
    func glpsolReachesTheSameOptimumFromTheExport(format: Format) throws {
        var program = LPFixtures.transportation(sources: 6, sinks: 7, seed: 21)
        program.objectiveConstant = 12.5
        let expected = try GLPKSolver(program).solve()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.\(format == .lp ? "lp" : "mps")").path
        let solver = try GLPKSolver(program)
        if format == .lp { try solver.writeLP(to: model) } else { try solver.writeMPS(to: model) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [(model as NSString).lastPathComponent])
        let objective = try glpsolObjective(format: format, model: model, directory: directory)
        #expect(abs(objective - expected.objective) < 1e-6 * max(1, abs(expected.objective)))
    }

    @Test(arguments: Format.allCases)
    func sampleLPSurvivesTheRoundTrip(format: Format) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("sample").path
        let solver = try GLPKSolver(LPFixtures.sample())
        if format == .lp { try solver.writeLP(to: model) } else { try solver.writeMPS(to: model) }
        // Free MPS has no objective sense: GLPK's reader assumes minimisation unless told `--max`.
        let objective = try glpsolObjective(format: format, model: model, directory: directory, maximize: true)
        #expect(abs(objective - LPFixtures.sampleOptimum) < 1e-6)
    }

    @Test func anUnwritablePathFailsWithoutLeavingFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("missing/model.lp").path
        let solver = try GLPKSolver(LPFixtures.sample())
        #expect {
            try solver.writeLP(to: path)
        } throws: { error in
            guard let error = error as? LPFileWriteError else { return false }
            return error.path == path && error.description.hasPrefix("cannot write \(path): ")
                && !error.reason.contains(".tmp")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        // Writing failed, the problem did not.
        #expect(try solver.solve().status == .optimal)
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs `glpsol FORMAT MODEL -o REPORT` and reads "Objective:  obj = 733.3333333 (MAXimum)" from the report.
    private func glpsolObjective(format: Format, model: String, directory: URL, maximize: Bool = false) throws -> Double {
        let report = directory.appendingPathComponent("report.txt").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = [format.rawValue, model, "-o", report] + (maximize ? ["--max"] : [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("Status:     OPTIMAL"))
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
            let equals = line.firstIndex(of: "="),
            let value = Double(line[line.index(after: equals)...].split(separator: " ").first ?? "")
        else {
            throw GlpsolReportError(text: text)
        }
        return value
    }
}

private struct GlpsolReportError: Error {
    let text: String
}
