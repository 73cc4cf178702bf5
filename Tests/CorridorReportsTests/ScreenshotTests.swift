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
        let directory = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("corridor-report-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let page = directory.appendingPathComponent("report-sample.html")
        let picture = directory.appendingPathComponent("report-sample.png")
        try html.write(to: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = TestNetworks.repositoryRoot.appendingPathComponent("scripts/render-report-png")
        process.arguments = [page.path, picture.path, "1400,3300"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "render-report-png failed: \(complaint)")
        #expect(printed.contains("1400x3300"), "unexpected summary: \(printed)")
        let size = (try? FileManager.default.attributesOfItem(atPath: picture.path)[.size] as? Int) ?? 0
        #expect(size > 50_000, "the screenshot is only \(size) bytes")
    }
}
