import CorridorLP
import CorridorTestSupport
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
        try write(program, format: format, to: model)
        let objective = try glpsolObjective(format: format, model: model, directory: directory)
        #expect(abs(objective - expected.objective) < 1e-6 * max(1, abs(expected.objective)))
    }

    @Test(arguments: Format.allCases)
    func sampleLPSurvivesTheRoundTrip(format: Format) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("sample").path
        try write(LPFixtures.sample(), format: format, to: model)
        // Free MPS has no objective sense: GLPK's reader assumes minimisation unless told `--max`.
        let objective = try glpsolObjective(format: format, model: model, directory: directory, maximize: true)
        #expect(abs(objective - LPFixtures.sampleOptimum) < 1e-6)
    }

    /// Numbers that need all 17 digits of a Double survive the text: a ranged row and bounds of 1e15 plus a
    /// fraction, where GLPK's own writers (12 digits) made the program infeasible once read back.
    @Test(arguments: Format.allCases)
    func fullPrecisionNumbersSurviveTheRoundTrip(format: Format) throws {
        var program = LinearProgram(sense: .minimize)
        let x = program.addColumn(name: "x", lower: 0.25, upper: 1e15 + 0.5, objective: 1)
        let y = program.addColumn(name: "y", lower: nil, upper: 2000000008.25, objective: -1)
        let z = program.addColumn(name: "z", lower: nil, upper: nil, objective: 0)
        program.addRow(name: "total", lower: 2000000008.25, upper: 2000000008.25, terms: [(x, 1), (y, 1)])
        program.addRow(name: "band", lower: -3.125, upper: 1e15, terms: [(x, 1), (z, 1)])
        program.addRow(name: "floor", lower: -7, upper: nil, terms: [(z, 1)])
        program.objectiveConstant = -0.125
        let expected = try GLPKSolver(program).solve()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("precise").path
        try write(program, format: format, to: model)
        let text = try String(contentsOfFile: model, encoding: .utf8)
        #expect(text.contains("2000000008.25") && text.contains("1000000000000000.5"))
        let objective = try glpsolObjective(format: format, model: model, directory: directory)
        #expect(abs(objective - expected.objective) <= 1e-6)
    }

    private func write(_ program: LinearProgram, format: Format, to path: String) throws {
        try (format == .lp ? program.lpText() : program.mpsText()).write(toFile: path, atomically: false, encoding: .utf8)
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs `glpsol FORMAT MODEL -w SOLUTION` and reads the optimum at full precision from the solution's
    /// `s bas ROWS COLUMNS PRIMAL DUAL OBJECTIVE` line (the printed report rounds to 10 digits).
    private func glpsolObjective(format: Format, model: String, directory: URL, maximize: Bool = false) throws -> Double {
        let solution = directory.appendingPathComponent("solution.txt").path
        let (status, output) = try ExternalProgram.run(
            ExternalProgram.glpsol, [format.rawValue, model, "-w", solution] + (maximize ? ["--max"] : []))
        #expect(status == 0, "\(output)")
        let text = try String(contentsOfFile: solution, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("s bas ") }),
            line.split(separator: " ")[4] == "f", let value = line.split(separator: " ").last.flatMap({ Double($0) })
        else {
            throw GlpsolReportError(text: text)
        }
        return value
    }
}

private struct GlpsolReportError: Error {
    let text: String
}
