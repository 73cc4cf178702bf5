import CorridorModel
import CorridorReports
import CorridorTestSupport
import Foundation
import Testing

/// Chromium on the path, for the screenshot test.
private let chromiumPath: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    for name in ["chromium", "chromium-browser"] {
        for directory in directories {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
    }
    return nil
}()

@Suite struct ScreenshotTests {
    /// Renders the tiny sample, screenshots it with `scripts/render-report-png` and checks the script's
    /// verdict. Set `CORRIDOR_REPORT_SAMPLE_DIR` to keep `report-sample.html` and `.png` there.
    @Test(.enabled(if: chromiumPath != nil, "chromium is not installed; scripts/render-report-png cannot run"))
    func sampleReportScreenshotIsNotBlank() throws {
        let network = try NetworkReader.read(path: TestNetworks.tiny)
        let html = SampleReport.document(network).html()
        let keep = ProcessInfo.processInfo.environment["CORRIDOR_REPORT_SAMPLE_DIR"]
        let directory =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("corridor-report-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let page = directory.appendingPathComponent("report-sample.html")
        let picture = directory.appendingPathComponent("report-sample.png")
        try html.write(to: page, atomically: true, encoding: .utf8)

        let status = try renderPNG(page, picture, window: "1400,3300")

        #expect(status.exitCode == 0, "render-report-png failed: \(status.errors)")
        #expect(status.output.contains("1400x3300"), "unexpected summary: \(status.output)")
        let size = (try? FileManager.default.attributesOfItem(atPath: picture.path)[.size] as? Int) ?? 0
        #expect(size > 50_000, "the screenshot is only \(size) bytes")
    }
}

extension ScreenshotTests {
    /// Renders the bundled China–Europe network (or the file `CORRIDOR_REPORT_NETWORK` names) with
    /// cheapest-route sample flows, baseline against its first scenario, and screenshots it.
    @Test(.enabled(if: chromiumPath != nil, "chromium is not installed; scripts/render-report-png cannot run"))
    func chinaEuropeReportScreenshotIsNotBlank() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["CORRIDOR_REPORT_NETWORK"] ?? TestNetworks.chinaEurope
        guard FileManager.default.fileExists(atPath: path) else { return }
        let network = try NetworkReader.read(path: path)
        let scenario = try #require(network.scenarios.first?.id, "the network has no scenario to compare")
        let html = try AssignmentSample.document(network, scenarioID: scenario, source: "networks/china-europe.json")
            .html()
        #expect(XMLCheck.parse(html).error == nil)
        let keep = environment["CORRIDOR_REPORT_SAMPLE_DIR"]
        let directory =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("corridor-report-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let page = directory.appendingPathComponent("report-china-europe.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let status = try renderPNG(
            page, directory.appendingPathComponent("report-china-europe.png"), window: "1400,1900")
        #expect(status.exitCode == 0, "render-report-png failed: \(status.errors)")
    }
}

/// Runs `scripts/render-report-png` on `page`, writing `picture`.
func renderPNG(_ page: URL, _ picture: URL, window: String) throws -> (exitCode: Int32, output: String, errors: String)
{
    let process = Process()
    process.executableURL = TestNetworks.repositoryRoot.appendingPathComponent("scripts/render-report-png")
    process.arguments = [page.path, picture.path, window]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, printed, complaint)
}

extension ScreenshotTests {
    /// The script's blankness check can fail: an empty white page is refused with exit status 1.
    @Test(.enabled(if: chromiumPath != nil, "chromium is not installed; scripts/render-report-png cannot run"))
    func blankPageIsRefused() throws {
        let directory = try TemporaryFiles.folder("corridor-report")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("blank.html")
        try "<html><body style=\"background:#fff\"></body></html>".write(to: page, atomically: true, encoding: .utf8)
        let status = try renderPNG(page, directory.appendingPathComponent("blank.png"), window: "400,300")
        #expect(status.exitCode == 1)
        #expect(status.errors.contains("looks blank"))
    }
}
