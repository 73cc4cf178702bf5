import Foundation
import Testing

@Suite struct ReportCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func writesOneSelfContainedPageWithMapsTablesAndTheSweep() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).html").path
        let result = try CLIRunner.run([
            "report", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--sweep", "bakhty", "--steps", "6",
            "-o", file,
        ])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.isEmpty)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Nothing is fetched: no scripts, no external images, styles or fonts (the SVG namespace is no fetch).
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=\"http") && !html.contains("url("))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)  // two maps, two bar charts, sweep curves
        #expect(html.contains("Bakhty–Tacheng open"))
        #expect(html.contains("551,270") && html.contains("439,000"))  // both objectives in the totals table
        #expect(html.contains("Marginal value of bakhty"))
        // The exact breakpoints of the Bakhty sweep (0 to 50): the kink at 40 between grid points 40 and 50.
        #expect(html.contains("Exact breakpoints of the bakhty sweep") && html.contains("2,792") && html.contains(">40<"))
        let again = try CLIRunner.run(["report", tiny, "--baseline", "baseline", "--scenario", "growth", "-o", file])
        #expect(again.exitCode == 0)  // replaces the file whole
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("growth"))
    }

    /// `--invest` adds the plan of the projects beside the network.
    @Test func investAddsThePlan() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).html").path
        let result = try CLIRunner.run([
            "report", CLIRunner.path("Tests/Fixtures/tiny-projects.json"), "--baseline", "baseline", "--scenario",
            "third-crossing", "--invest", "-o", file,
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("Investment plan: what to build, and when") && html.contains("dostyk-upgrade"))
        let stray = try CLIRunner.run(["report", tiny, "--baseline", "baseline", "--scenario", "growth", "--projects", "p.json", "-o", file])
        #expect(stray.exitCode == 2 && stray.standardError.contains("--projects goes with --invest"))
    }

    /// `--uncertainty N` adds the distribution of the saving and its tornado, with the figures
    /// `corridor uncertainty` prints for the same draws; a bad count is refused at its option.
    @Test func uncertaintyAddsTheDistributionAndTheTornado() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).html").path
        let result = try CLIRunner.run([
            "report", "--baseline", "baseline", "--scenario", "third-crossing", "--uncertainty", "20", "--seed", "3", "-o", file,
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("How sure the saving is: baseline − third-crossing over 20 draws"))
        #expect(html.contains("Tornado: the saving with one input at each end of its range"))
        #expect(html.contains("Distribution of the saving over 20 draws"))
        let json = try CLIRunner.run([
            "uncertainty", "--baseline", "baseline", "--scenario", "third-crossing", "--draws", "20", "--seed", "3", "--format", "json",
        ])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Any])
        let mean = try #require(summary["mean"] as? Double)
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0  // the report rounds money to whole units
        formatter.locale = Locale(identifier: "en_US")
        #expect(html.contains(formatter.string(from: NSNumber(value: mean)) ?? "?"), "mean \(mean)")
        let zero = try CLIRunner.run(["report", "--baseline", "baseline", "--scenario", "third-crossing", "--uncertainty", "0", "-o", file])
        #expect(zero.exitCode == 2 && zero.standardError.contains("--uncertainty 0: needs at least 1 draw"))
    }

    @Test func badRequestsExit2AndWriteNothing() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).html").path
        let noOutput = try CLIRunner.run(["report", tiny, "--baseline", "baseline", "--scenario", "third-crossing"])
        #expect(noOutput.exitCode == 2)
        let typo = try CLIRunner.run([
            "report", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--sweep", "bakty", "-o", file,
        ])
        #expect(typo.exitCode == 2)
        #expect(typo.standardError.contains("did you mean \"bakhty\"?"))
        let unlimited = try CLIRunner.run([
            "report", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--sweep", "urumqi", "-o", file,
        ])
        #expect(unlimited.exitCode == 2)
        #expect(unlimited.standardError.contains("no capacity limit"))
        #expect(!FileManager.default.fileExists(atPath: file))
        let folder = try CLIRunner.run([
            "report", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "-o", "/nonexistent-dir/r.html",
        ])
        #expect(folder.exitCode == 2)
    }
}
