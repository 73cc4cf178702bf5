import CorridorService
import Foundation

/// Everything `corridor-server`'s options set.
public struct ServerConfiguration: Sendable {
    /// The folder whose `*.json` networks are served (``CorridorService/NetworkLibrary``).
    public var networks: String
    /// The address to listen on; loopback unless told otherwise.
    public var host = "127.0.0.1"
    /// The port; 0 takes any free one (tests).
    public var port = 8080
    /// The largest request body read, posted networks included; a larger one gets 413.
    public var maximumBodyBytes = 8 << 20
    /// Concurrent solves: one worker thread each (``SolverPool``).
    public var solvers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a worker; one more gets 503.
    public var queueLimit = 256
    /// Seconds a request may wait for its answer; longer gets 503.
    public var timeLimit = 30.0
    /// Bytes of answers kept for repeated requests (``ResponseCache``); 0 keeps none.
    public var cacheBytes = 64 << 20
    /// The most work one request may ask for.
    public var limits = ServiceLimits()
    /// Open connections at once; more wait in the kernel's backlog.
    public var maximumConnections = 256
    /// Seconds a connection may stay idle before it is closed.
    public var idleSeconds = 30.0

    public init(networks: String) { self.networks = networks }
}
