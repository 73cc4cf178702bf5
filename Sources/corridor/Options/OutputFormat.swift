import ArgumentParser

/// The shapes a result can be printed in; each command accepts the ones that make sense for it.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// An aligned table for a person.
    case table
    /// One JSON document with a `format` key, for programs.
    case json
    /// Comma-separated tables for analysts.
    case csv
    /// A folder of GeoJSON FeatureCollections, one per layer, for GIS tools.
    case geojson
    /// A GeoPackage file with one table per layer, for GIS tools.
    case gpkg

    /// True for the formats written as a folder of files (`--output DIR`).
    var isFolder: Bool { self == .csv || self == .geojson }

    /// Empty, so that help does not list every format under every command: each command's `--format`
    /// help names the ones it accepts, and ``require(oneOf:for:)`` enforces them.
    static var allValueStrings: [String] { [] }

    /// Shell completion still offers the format names.
    static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }

    /// Rejects a format the command does not offer, naming the ones it does.
    func require(oneOf allowed: [OutputFormat], for command: String) throws(BadInput) {
        guard allowed.contains(self) else {
            throw BadInput(
                "--format \(rawValue) is not available for '\(command)'; choose "
                    + allowed.map(\.rawValue).joined(separator: ", "))
        }
    }
}
