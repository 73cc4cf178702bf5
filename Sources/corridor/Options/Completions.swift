import ArgumentParser
import CorridorModel
import Foundation

/// What the shell completion scripts (`corridor --generate-completion-script bash|zsh|fish`) offer for
/// each kind of argument: network files, and the ids of the network named on the command line so far
/// (the bundled network when none is) — scenarios, nodes, links, commodities.
enum Completions {
    static let networkFile = CompletionKind.file(extensions: ["json"])
    static let scenarios = ids { [Scenario.baselineID] + $0.scenarios.map(\.id) }
    static let nodes = ids { $0.nodes.map(\.id) }
    static let links = ids { $0.links.map(\.id) }
    static let elements = ids { $0.nodes.map(\.id) + $0.links.map(\.id) }
    static let commodities = ids { $0.declaredCommodities.map(\.id) }

    /// Ids from the network file among the words typed; a word being completed after a comma (`--via
    /// a,b`) keeps what precedes its last comma.
    private static func ids(_ list: @escaping @Sendable (Network) -> [String]) -> CompletionKind {
        .custom { words, _, prefix in
            guard let network = network(among: words) else { return [] }
            let head = prefix.lastIndex(of: ",").map { String(prefix[...$0]) } ?? ""
            return list(network).map { head + $0 }.filter { $0.hasPrefix(prefix) }
        }
    }

    /// The first `.json` word that reads as a valid network, else the bundled network.
    private static func network(among words: [String]) -> Network? {
        for word in words where word.hasSuffix(".json") {
            if let network = try? NetworkReader.read(path: word) { return network }
        }
        guard let bundled = try? BundledNetworks.path(of: BundledNetworks.defaultName) else { return nil }
        return try? NetworkReader.read(path: bundled)
    }
}
