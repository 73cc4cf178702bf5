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
}
