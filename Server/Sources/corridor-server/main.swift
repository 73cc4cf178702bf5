import ArgumentParser
import CorridorServer
import CorridorService
import Foundation
import Hummingbird

/// `corridor-server`: corridor's answers over HTTP and the live explorer (docs/SERVER.md).
@main
struct CorridorServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-server",
        abstract: "Serve the networks of a folder over HTTP: corridor's JSON answers, an OpenAPI document and a live explorer.",
        discussion: """
            Listens on loopback unless --host says otherwise. Networks are known by file name without .json; \
            a request never names a path. GET /openapi.json describes every endpoint; GET /explorer is the \
            explorer page.
            """,
        version: CorridorVersion.current)

    @Option(help: "The folder of network files to serve (default: the repository's networks/).")
    var networks: String?

    @Option(help: "The address to listen on (default 127.0.0.1, loopback only).")
    var host = "127.0.0.1"

    @Option(help: "The port (default 8080; 0 takes a free one and prints it).")
    var port = 8080

    @Option(name: .customLong("max-body"), help: "The largest request body read, in bytes (default 8 MiB).")
    var maximumBody = 8 << 20

    @Option(help: "Concurrent solves, one thread each (default: the number of cores).")
    var solvers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "Requests that may wait for a solver before more get 503 (default 256).")
    var queue = 256

    @Option(name: .customLong("time-limit"), help: "Seconds a request may take before it gets 503 (default 30).")
    var timeLimit = 30.0

    @Option(name: .customLong("cache-mb"), help: "Megabytes of answers kept for repeated requests (default 64; 0 for none).")
    var cacheMegabytes = 64

    @Option(name: .customLong("max-connections"), help: "Open connections at once (default 256).")
    var maximumConnections = 256

    @Option(name: .customLong("max-posted"), help: "The most nodes, links and demands in a posted network (default 2000).")
    var maximumPosted = 2_000

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        guard maximumBody >= 1024, maximumBody <= 1 << 30 else { throw ValidationError("--max-body must be 1024 to 2^30 bytes") }
        guard (1...256).contains(solvers) else { throw ValidationError("--solvers must be 1 to 256") }
        guard (0...100_000).contains(queue) else { throw ValidationError("--queue must be 0 to 100000") }
        guard timeLimit > 0, timeLimit <= 86_400 else { throw ValidationError("--time-limit must be above 0 and at most 86400 seconds") }
        guard (0...65_536).contains(cacheMegabytes) else { throw ValidationError("--cache-mb must be 0 to 65536") }
        guard (1...100_000).contains(maximumConnections) else { throw ValidationError("--max-connections must be 1 to 100000") }
        guard (0...10_000_000).contains(maximumPosted) else { throw ValidationError("--max-posted must be 0 to 10000000") }
    }

    func run() async throws {
        var configuration = ServerConfiguration(networks: networks ?? Self.bundledNetworks)
        configuration.host = host
        configuration.port = port
        configuration.maximumBodyBytes = maximumBody
        configuration.solvers = solvers
        configuration.queueLimit = queue
        configuration.timeLimit = timeLimit
        configuration.cacheBytes = cacheMegabytes << 20
        configuration.maximumConnections = maximumConnections
        configuration.limits.maximumPostedElements = maximumPosted
        let routes: CorridorRoutes
        do {
            routes = try CorridorRoutes(configuration: configuration)
        } catch {
            throw ValidationError("\(error)")
        }
        let folder = configuration.networks
        let application = routes.application { [host] bound in
            // One line on standard output, flushed at once: scripts wait for it to learn the port.
            let line = "corridor-server: serving \(routes.library.ids().count) network(s) from \(folder) on http://\(host):\(bound)/\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await application.runService()
    }

    /// The repository's networks folder, found from this source file's place.
    static var bundledNetworks: String {
        if let folder = ProcessInfo.processInfo.environment["CORRIDOR_NETWORKS"] { return folder }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("networks").path
    }
}
