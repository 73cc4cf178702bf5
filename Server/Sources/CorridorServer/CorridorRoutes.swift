import CorridorModel
import CorridorService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// corridor's HTTP API (docs/SERVER.md): every operation of the command line on a served network or on a
/// posted one, the explorer page and its question, the OpenAPI document, health and version.
///
/// Every answer is JSON (the explorer page aside), every error `{"error": {...}}` with a fitting status.
/// Everything that reads or solves a network runs on the ``SolverPool``; the event loop only moves bytes.
public struct CorridorRoutes: Sendable {
    public let configuration: ServerConfiguration
    public let library: NetworkLibrary
    public let pool: SolverPool
    public let cache: ResponseCache
    /// Scenarios the explorer solved cold, shared by every solver thread.
    public let outcomes = OutcomeCache()

    public init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        library = try NetworkLibrary(folder: configuration.networks)
        pool = SolverPool(workers: configuration.solvers, queueLimit: configuration.queueLimit, timeLimit: configuration.timeLimit)
        cache = ResponseCache(budget: configuration.cacheBytes)
    }

    /// The server: the router on `configuration`'s address, with its connection cap and idle timeout.
    ///
    /// - Parameter onRunning: called with the port once the server listens (the one the system chose for port 0).
    public func application(
        logger: Logger? = nil, onRunning: @escaping @Sendable (Int) async -> Void
    ) -> Application<RouterResponder<BasicRequestContext>> {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleSeconds * 1e9)))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "corridor/\(CorridorVersion.current)",
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maximumConnections)),
            onServerRunning: { [port = configuration.port] channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// The router with every route.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: JSONErrors())
        router.get("/health") { _, _ in health() }
        router.get("/version") { _, _ in
            json(.ok, JSONValue.object([
                ("corridor", .string(CorridorVersion.current)), ("glpk", .string(CorridorVersion.glpk)),
                ("api", .string(OpenAPIDocument.apiVersion)),
            ]).serialized() + "\n")
        }
        router.get("/openapi.json") { _, _ in json(.ok, OpenAPIDocument.text(networkIDs: library.ids())) }
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/explorer"]) }
        router.get("/explorer") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ExplorerPage.html)))
        }
        router.get("/networks") { _, _ in await guarded { try await networkList() } }
        for operation in ServiceOperation.allCases {
            router.post("/networks/:id/\(operation.rawValue)") { request, context in
                await guarded { try await onServed(operation, request: request, context: context, fromBody: true) }
            }
            router.get("/networks/:id/\(operation.rawValue)") { request, context in
                await guarded { try await onServed(operation, request: request, context: context, fromBody: false) }
            }
            router.post("/\(operation.rawValue)") { request, _ in await guarded { try await onPosted(operation, request: request) } }
        }
        router.post("/networks/:id/explore") { request, context in await guarded { try await explore(request, context: context) } }
        return router
    }

    /// Hummingbird's own refusals (no route, a malformed request) as corridor's JSON errors: a path the
    /// API has, asked with a method it does not take, is 405 with the methods it does.
    private struct JSONErrors: RouterMiddleware {
        func handle(
            _ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response
        ) async throws -> Response {
            do {
                return try await next(request, context)
            } catch let error as any HTTPResponseError {
                var status = error.status
                var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
                let message: String
                if status == .notFound, let allowed = Self.methods(of: request.uri.path) {
                    status = .methodNotAllowed
                    headers[.allow] = allowed.joined(separator: ", ")
                    message = "\(request.method) \(request.uri.path): this endpoint takes \(allowed.joined(separator: " and "))"
                } else if status == .notFound {
                    message = "no such endpoint: \(request.method) \(request.uri.path); GET /openapi.json lists them"
                } else {
                    message = "\(status.code) \(status.reasonPhrase)"
                }
                let body = ServiceError(status: status.code, message).json.serialized() + "\n"
                return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
            }
        }

        /// The methods the API takes on `path`, or `nil` for a path it does not have.
        static func methods(of path: String) -> [String]? {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
            let operations = Set(ServiceOperation.allCases.map(\.rawValue))
            switch parts.count {
            case 1 where ["health", "version", "openapi.json", "networks", "explorer", ""].contains(parts[0]): return ["GET"]
            case 1 where operations.contains(parts[0]): return ["POST"]
            case 3 where parts[0] == "networks" && parts[2] == "explore": return ["POST"]
            case 3 where parts[0] == "networks" && operations.contains(parts[2]): return ["GET", "POST"]
            default: return nil
            }
        }
    }

    // MARK: Routes

    private func health() -> Response {
        let (waiting, running) = pool.load
        let statistics = cache.statistics
        return json(.ok, JSONValue.object([
            ("status", .string("ok")), ("networks", .number(Double(library.ids().count))),
            ("solvers", .number(Double(pool.workers))), ("running", .number(Double(running))), ("waiting", .number(Double(waiting))),
            ("cache", .object([
                ("hits", .number(Double(statistics.hits))), ("misses", .number(Double(statistics.misses))),
                ("entries", .number(Double(statistics.entries))), ("bytes", .number(Double(statistics.bytes))),
            ])),
        ]).serialized() + "\n")
    }

    private func networkList() async throws -> Response {
        let library = library
        let text = try await pool.run {
            let entries: [JSONValue] = library.ids().map { id in
                do {
                    let network = try library.network(id)
                    return .object([
                        ("id", .string(id)), ("name", .string(network.name)), ("format", .string("corridor-network/\(network.formatVersion)")),
                        ("nodes", .number(Double(network.nodes.count))), ("links", .number(Double(network.links.count))),
                        ("demands", .number(Double(network.demands.count))),
                        ("scenarios", .array(([Scenario.baselineID] + network.scenarios.map(\.id)).map { .string($0) })),
                    ])
                } catch {
                    return .object([("id", .string(id)), ("error", ServiceError(error).json["error"] ?? .null)])
                }
            }
            return JSONValue.object([("networks", .array(entries))]).serialized() + "\n"
        }
        return json(.ok, text)
    }

    /// An operation on a served network, its parameters in the JSON body (POST) or the query (GET).
    private func onServed(
        _ operation: ServiceOperation, request: Request, context: BasicRequestContext, fromBody: Bool
    ) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        if fromBody, !query(of: request).isEmpty {
            throw ServiceError.badRequest("a POST takes its parameters in the JSON body, not the query; or GET with the query")
        }
        let parameters: ServiceParameters =
            fromBody
            ? try ServiceParameters(body: try await body(of: request), accepted: operation.parameters)
            : try ServiceParameters(query: query(of: request), accepted: operation.parameters)
        return try await answerCached(network: id, key: "\(operation.rawValue) \(parameters.canonicalText)") { network, _, _ in
            try operation.answer(on: network, source: id, parameters: parameters, limits: configuration.limits)
        }
    }

    /// An operation on the network posted as the body, its parameters in the query.
    private func onPosted(_ operation: ServiceOperation, request: Request) async throws -> Response {
        let parameters = try ServiceParameters(query: query(of: request), accepted: operation.parameters)
        let bytes = try await body(of: request)
        let limits = configuration.limits
        let text = try await pool.run {
            // An invalid network is a 422 listing its problems (``ServiceError/init(_:)``).
            let network = try limits.readPostedNetwork(bytes)
            return try operation.answer(on: network, source: "body", parameters: parameters, limits: limits)
        }
        return json(.ok, text)
    }

    /// The explorer's question: a scenario with edits, against a baseline.
    private func explore(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        if !query(of: request).isEmpty { throw ServiceError.badRequest("explore takes its parameters in the JSON body, not the query") }
        let parameters = try ServiceParameters(body: try await body(of: request), accepted: ExplorerQuery.parameters)
        let query = try ExplorerQuery(parameters)
        let outcomes = outcomes
        return try await answerCached(network: id, key: "explore \(parameters.canonicalText)") { network, version, thread in
            try query.answer(
                on: network, source: id, networkKey: "\(id)@\(version)", outcomes: outcomes, solvers: thread.explorer
            ).serialized(indent: nil) + "\n"
        }
    }

    /// Answers from the cache when the same question was asked of the same version of the file, else on
    /// the pool (and keeps the answer).
    private func answerCached(
        network id: String, key: String, _ answer: @escaping @Sendable (Network, String, SolverThread) throws -> String
    ) async throws -> Response {
        let library = library
        guard let version = library.version(of: id) else {
            _ = try library.network(id)  // throws the 404 with its suggestion
            throw ServiceError(status: 404, "no network \"\(id.escapingControlCharacters)\"")
        }
        let pool = pool
        let (bytes, cached) = try await cache.answer(for: "\(id)@\(version) \(key)") {
            try await pool.run { thread in try answer(try library.network(id), version, thread) }
        }
        return json(.ok, bytes, cached: cached)
    }

    // MARK: Requests and responses

    /// The request's body, refused with 413 past the cap (before reading it when its length says so).
    private func body(of request: Request) async throws -> [UInt8] {
        let limit = configuration.maximumBodyBytes
        let tooLarge = ServiceError(status: 413, "the body is larger than this server reads (\(limit) bytes)")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
    }

    /// The query's pairs, names and values percent-decoded (Hummingbird decodes only the values).
    private func query(of request: Request) -> [(name: String, value: String)] {
        request.uri.queryParameters.map { (String($0.key).removingPercentEncoding ?? String($0.key), String($0.value)) }
    }

    /// Runs a route, turning anything it throws into a JSON error response.
    private func guarded(_ body: () async throws -> Response) async -> Response {
        do { return try await body() } catch { return self.error(ServiceError(error)) }
    }

    private func error(_ error: ServiceError) -> Response {
        json(HTTPResponse.Status(code: error.status), error.json.serialized() + "\n")
    }

    private func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        json(status, ByteBuffer(string: text))
    }

    private func json(_ status: HTTPResponse.Status, _ bytes: ByteBuffer, cached: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if cached { headers[HTTPField.Name("X-Corridor-Cache")!] = "hit" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
    }
}
