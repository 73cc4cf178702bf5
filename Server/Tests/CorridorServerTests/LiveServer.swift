import CorridorServer
import Foundation
import Hummingbird
import Logging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The repository this test file is in, and its folders the tests read.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let networks = root.appendingPathComponent("networks").path
}

/// One answer from the server: status, headers and body.
struct Answer {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(text.prefix(200))")
        }
        return object
    }

    /// The error message of an error answer.
    var message: String {
        ((try? json())?["error"] as? [String: Any])?["message"] as? String ?? ""
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A real server on a free loopback port, running in this test process for the length of `body`.
enum LiveServer {
    static func with(
        _ configuration: ServerConfiguration = ServerConfiguration(networks: Repository.networks),
        _ body: @Sendable (Client) async throws -> Void
    ) async throws {
        var configuration = configuration
        configuration.port = 0
        let routes = try CorridorRoutes(configuration: configuration)
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let application = routes.application(logger: Self.quietLogger) { port in portSink.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
            try await body(Client(base: "http://127.0.0.1:\(port)"))
            group.cancelAll()
        }
    }

    /// The server's log, quiet but for critical messages: stopping it at the end of a test is not news.
    static let quietLogger: Logger = {
        var logger = Logger(label: "corridor-server-test")
        logger.logLevel = .critical
        return logger
    }()

    /// Requests to one server.
    struct Client: Sendable {
        let base: String

        func get(_ path: String) async throws -> Answer { try await send("GET", path, body: nil) }

        func post(_ path: String, _ body: String) async throws -> Answer { try await send("POST", path, body: Data(body.utf8)) }

        func post(_ path: String, data: Data) async throws -> Answer { try await send("POST", path, body: data) }

        func send(_ method: String, _ path: String, body: Data?) async throws -> Answer {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            request.httpBody = body
            request.timeoutInterval = 120
            if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
            let (data, response) = try await URLSession.shared.data(for: request)
            guard let http = response as? HTTPURLResponse else { throw TestFailure("not an HTTP response") }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
            }
            return Answer(status: http.statusCode, headers: headers, body: data)
        }
    }
}
