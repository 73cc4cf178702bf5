import CorridorModel
import Foundation

/// Paths of the repository's bundled networks, for tests.
public enum TestNetworks {
    /// The repository's root, found from this file's location.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `networks/tiny.json`: the hand-checkable teaching network.
    public static var tiny: String { repositoryRoot.appendingPathComponent("networks/tiny.json").path }
    /// `networks/china-europe.json`: the bundled China–Europe network.
    public static var chinaEurope: String { repositoryRoot.appendingPathComponent("networks/china-europe.json").path }
    /// `networks/china-europe.observed.json`: the observations the bundled network is backcast against.
    public static var chinaEuropeObservations: String {
        repositoryRoot.appendingPathComponent("networks/china-europe.observed.json").path
    }
    /// `Tests/Fixtures/china-europe-v1.json`: the bundled network as it was in format /1 (containers
    /// westbound only, capacities in TEU), kept as a large /1 file for the tests of /1 behaviour.
    public static var chinaEuropeV1: String { repositoryRoot.appendingPathComponent("Tests/Fixtures/china-europe-v1.json").path }
}

extension ActiveNetwork {
    /// The active node or link with this id; a test that names a missing one fails here, loudly.
    public func element(_ id: String) -> ElementReference {
        guard let element = try? resolveElement(id, as: .changedCapacity) else { fatalError("no active element \(id)") }
        return element
    }

    /// The active node with this id (see ``element(_:)``).
    public func node(_ id: String) -> NodeReference {
        guard let node = try? resolveNode(id, as: .origin) else { fatalError("no active node \(id)") }
        return node
    }

    /// The active link with this id (see ``element(_:)``).
    public func link(_ id: String) -> LinkReference {
        guard let link = try? resolveLink(id, as: .changedCost) else { fatalError("no active link \(id)") }
        return link
    }
}
