import ArgumentParser
import CorridorImpact
import CorridorModel
import CorridorReports
import Foundation

/// `corridor calibrate [NETWORK] [--observed FILE] [--format table|json]`: the backcast of a network
/// against observed figures; exit 1 when a judged row is outside its tolerance.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Compare the model with observed figures (a backcast); exit 1 when one is outside its tolerance.",
        discussion: """
            Reads the observations (corridor-observations/1, networks/FORMAT.md "Observations"): by default \
            the file beside NETWORK named like it with .observed.json for .json (networks/china-europe.observed.json \
            for the bundled network). Allocates each scenario the rows name and prints, per row, the observed \
            figure, the modelled one and the error in per cent of the observed. Rows marked "judged": false \
            are shown with their note but do not decide the exit code. \
            Formats: table (default), json (corridor-calibration/1).
            """)

    @OptionGroup var file: NetworkFile

    @Option(name: .long, help: "The observations file (default: NETWORK with .observed.json).")
    var observed: String?

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        do { try format.require(oneOf: [.table, .json], for: "calibrate") } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let networkPath = try file.resolvedPath()
        let network = try file.loadNetwork()
        let observationsPath = observed ?? Self.siblingPath(of: networkPath, suffix: ".observed.json")
        let observations = try ObservationsReader.read(path: observationsPath, for: network)
        let calibration = try calibrate(network, against: observations)
        switch format {
        case .json:
            try Delivery.standardOutput(
                CalibrationJSONReport.document(calibration, observations: observationsPath).serialized())
        default: try Delivery.standardOutput(CalibrationTableReport.render(calibration))
        }
        if !calibration.passes { throw ExitCode(CorridorExit.noAnswer.rawValue) }
    }

    /// The file beside a network that belongs to it: `name.observed.json` for `name.json` with suffix
    /// `.observed.json` (a name not ending in `.json` gets the suffix appended).
    static func siblingPath(of networkPath: String, suffix: String) -> String {
        let stem = networkPath.hasSuffix(".json") ? String(networkPath.dropLast(".json".count)) : networkPath
        return stem + suffix
    }
}
