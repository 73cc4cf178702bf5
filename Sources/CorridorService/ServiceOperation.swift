import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorReports
import CorridorRouting

/// The bounds a server puts on one request's work, on top of the libraries' own.
public struct ServiceLimits: Sendable, Equatable {
    /// The most points one sweep computes.
    public var maximumSteps: Int
    /// The most draws one uncertainty request computes.
    public var maximumDraws: Int
    /// The most nodes, links and demands together in a posted network (a served one has no such bound).
    public var maximumPostedElements: Int

    public init(maximumSteps: Int = 1_000, maximumDraws: Int = 5_000, maximumPostedElements: Int = 2_000) {
        self.maximumSteps = maximumSteps
        self.maximumDraws = maximumDraws
        self.maximumPostedElements = maximumPostedElements
    }

    /// Reads a network posted with a request, refusing (422) one with more than ``maximumPostedElements``
    /// nodes, links and demands before it is validated: validation and solves grow faster than the file.
    public func readPostedNetwork(_ bytes: [UInt8]) throws -> Network {
        if case .object(let members)? = (try? JSONParser.parse(bytes))?.value {
            var elements = 0
            for member in members where ["nodes", "links", "demands"].contains(member.key) {
                if case .array(let items) = member.value.value { elements += items.count }
            }
            guard elements <= maximumPostedElements else {
                throw ServiceError.unprocessable(
                    "body: \(elements) nodes, links and demands; this server solves posted networks of at most "
                        + "\(maximumPostedElements) — serve a larger one from the networks folder")
            }
        }
        return try NetworkReader.read(bytes: bytes, source: "body")
    }
}

/// One question the service answers on a network, with the parameters it takes (the command line's
/// options, spelled without `--`) and the JSON document it returns (the command's `--format json`).
public enum ServiceOperation: String, Sendable, CaseIterable {
    case info, validate, route, maxflow, allocate, compare, sweep, criticality, uncertainty

    /// The parameters, in the order the OpenAPI document lists them.
    public var parameters: [ParameterSpec] {
        let scenario = ParameterSpec("scenario", .string, "The scenario to apply (default: baseline).")
        let commodity = ParameterSpec("commodity", .string, "The commodity, on a network that declares several.")
        return switch self {
        case .info: [scenario]
        case .validate: []
        case .route:
            [
                scenario, ParameterSpec("from", .string, "The origin node id (required)."),
                ParameterSpec("to", .string, "The destination node id (required)."),
                ParameterSpec("by", .string, "What to minimise: cost, time or distance (default cost)."),
                ParameterSpec("k", .integer, "How many loop-free routes to list, best first (1–1000, default 1)."),
                ParameterSpec("via", .list, "Nodes to pass, in order."),
                ParameterSpec("avoid", .list, "Node ids or country codes to keep out."), commodity,
            ]
        case .maxflow:
            [
                scenario, ParameterSpec("from", .list, "Source node ids (default: every demand origin)."),
                ParameterSpec("to", .list, "Sink node ids (default: every demand destination)."), commodity,
            ]
        case .allocate:
            [
                scenario, ParameterSpec("method", .string, "How to solve: auto, arcs or paths (default auto)."),
                ParameterSpec("sensitivity", .boolean, "Add the range of every capacity and link cost (default false)."),
            ]
        case .compare:
            [ParameterSpec("baseline", .string, "The scenario to compare against (required)."),
             ParameterSpec("scenario", .string, "The scenario to compare (required).")]
        case .sweep:
            [
                scenario, ParameterSpec("capacity", .string, "Vary the capacity of this node or link."),
                ParameterSpec("measure", .string, "The capacity's measure: trains, vehicles or a unit."),
                ParameterSpec("cost", .string, "Vary the cost per unit of this link."),
                ParameterSpec("demandScale", .boolean, "Vary a factor on every demand quantity."),
                ParameterSpec("min", .number, "The first value (required)."), ParameterSpec("max", .number, "The last value (required)."),
                ParameterSpec("steps", .integer, "The number of points (required)."),
            ]
        case .criticality:
            [scenario, ParameterSpec("links", .boolean, "Also close each active link (default false).")]
        case .uncertainty:
            [
                ParameterSpec("baseline", .string, "The scenario the difference is measured from (required)."), ParameterSpec("scenario", .string, "The scenario compared with it (required)."),
                ParameterSpec("draws", .integer, "The number of draws (default 200)."),
                ParameterSpec("seed", .integer, "The seed of the draws, 0 to 2^53 − 1 (default 1)."),
                ParameterSpec("inputs", .list, "Draw only these inputs."),
            ]
        }
    }

    /// The `format` tag of the document the operation returns.
    public var documentFormat: String {
        switch self {
        case .info: "corridor-info/1"
        case .validate: ValidationReport.formatTag
        case .route: "corridor-route/1"
        case .maxflow: "corridor-maxflow/1"
        case .allocate: AllocationJSONReport.formatTag
        case .compare: "corridor-comparison/1"
        case .sweep: "corridor-sweep/1"
        case .criticality: "corridor-criticality/1"
        case .uncertainty: "corridor-uncertainty/1"
        }
    }

    /// The answer on `network` as JSON text, byte for byte what `corridor <operation> --format json`
    /// prints for the same file and options.
    ///
    /// - Parameter source: the name messages give the network (its id, or `body` for a posted one).
    public func answer(
        on network: Network, source: String, parameters: ServiceParameters, limits: ServiceLimits = ServiceLimits()
    ) throws -> String {
        let spelling = ParameterSpelling.request
        func active() throws -> ActiveNetwork { try network.activate(scenario: try parameters.string("scenario")) }
        func required(_ name: String) throws(ServiceError) -> String {
            guard let value = try parameters.string(name) else { throw .badRequest("\(self.rawValue) needs the parameter \(name)") }
            return value
        }
        let document: JSONValue
        switch self {
        case .info:
            document = NetworkSummary(try active()).json
        case .validate:
            document = ValidationReport.document(network)
        case .route:
            let metricText = try parameters.string("by") ?? RouteMetric.cost.rawValue
            guard let metric = RouteMetric(rawValue: metricText) else {
                throw ServiceError.badRequest("by \"\(metricText.escapingControlCharacters)\": expected cost, time or distance")
            }
            let query = RouteQuery(
                from: try required("from"), to: try required("to"), by: metric, count: try parameters.integer("k") ?? 1,
                via: try parameters.list("via") ?? [], avoid: try parameters.list("avoid") ?? [],
                commodity: try parameters.string("commodity"))
            document = try query.answer(on: try active(), spelling: spelling).json()
        case .maxflow:
            let query = MaxFlowQuery(
                from: try parameters.list("from"), to: try parameters.list("to"), commodity: try parameters.string("commodity"))
            let (result, view) = try query.answer(on: try active(), spelling: spelling)
            return MaxFlowReport.json(result, on: view) + "\n"
        case .allocate:
            let methodText = try parameters.string("method") ?? AllocationMethod.automatic.rawValue
            guard let method = AllocationMethod(rawValue: methodText) else {
                throw ServiceError.badRequest("method \"\(methodText.escapingControlCharacters)\": expected auto, arcs or paths")
            }
            let sensitivity = try parameters.flag("sensitivity")
            if sensitivity, method == .paths {
                throw ServiceError.badRequest("sensitivity ranges the final basis of the arc formulation: use method arcs or auto")
            }
            document = try Self.allocation(on: try active(), method: method, sensitivity: sensitivity)
        case .compare:
            let before = try network.activate(scenario: try required("baseline"))
            let after = try network.activate(scenario: try required("scenario"))
            document = ComparisonJSONReport.document(try CorridorImpact.compare(baseline: before, scenario: after))
        case .sweep:
            document = SweepJSONReport.document(try Self.sweep(on: try active(), parameters: parameters, limits: limits))
        case .criticality:
            let links = try parameters.flag("links")
            let view = try active()
            document = CriticalityJSONReport.document(try CorridorImpact.criticality(of: view, includeLinks: links), includesLinks: links, network: network)
        case .uncertainty:
            document = UncertaintyJSONReport.document(
                try Self.uncertainty(
                    on: network, baseline: try required("baseline"), scenario: try required("scenario"), parameters: parameters,
                    limits: limits))
        }
        return document.serialized() + "\n"
    }

    private static func allocation(on network: ActiveNetwork, method: AllocationMethod, sensitivity: Bool) throws -> JSONValue {
        guard sensitivity || method.resolved(for: network) == .arcs else {
            return AllocationJSONReport.document(try CorridorOptimization.allocate(network, method: method), network: network)
        }
        let solver = try AllocationSolver(model: AllocationModel(network: network))
        let allocation = try solver.solve()
        let ranges = sensitivity ? try solver.sensitivity(of: allocation) : nil
        return AllocationJSONReport.document(allocation, network: network, sensitivity: ranges)
    }

    private static func sweep(on network: ActiveNetwork, parameters: ServiceParameters, limits: ServiceLimits) throws -> SweepResult {
        let capacity = try parameters.string("capacity")
        let cost = try parameters.string("cost")
        let demandScale = try parameters.flag("demandScale")
        let measure = try parameters.string("measure")
        guard [capacity != nil, cost != nil, demandScale].filter({ $0 }).count == 1 else {
            throw ServiceError.badRequest("name exactly one of capacity, cost or demandScale: true")
        }
        if measure != nil, capacity == nil { throw ServiceError.badRequest("measure goes with capacity") }
        guard let minimum = try parameters.number("min"), let maximum = try parameters.number("max"),
            let steps = try parameters.integer("steps")
        else { throw ServiceError.badRequest("min, max and steps are all needed") }
        if steps > limits.maximumSteps {
            throw ServiceError.unprocessable(
                "steps \(steps): this server sweeps at most \(limits.maximumSteps) points in one request; "
                    + "use the command line's shards for more")
        }
        let parameter: SweepParameter =
            if let capacity { .capacity(capacity, measure: measure) } else if let cost { .cost(cost) } else { .demandScale }
        let request: SweepRequest
        do {
            request = try SweepRequest(parameter: parameter, minimum: minimum, maximum: maximum, steps: steps)
        } catch {
            throw ImpactError.sweepRequest(error)
        }
        if let capacity {
            let element = try network.resolveElement(capacity, as: .sweptCapacity)
            do {
                _ = try network.sweptMeasure(of: element, named: measure)
            } catch {
                throw ServiceError.unprocessable((measure.map { "measure \($0.escapingControlCharacters): " } ?? "") + error.description)
            }
        }
        return try CorridorImpact.sweep(network, request)
    }

    private static func uncertainty(
        on network: Network, baseline: String, scenario: String, parameters: ServiceParameters, limits: ServiceLimits
    ) throws -> UncertaintyResult {
        let draws = try parameters.integer("draws") ?? 200
        if draws > limits.maximumDraws {
            throw ServiceError.unprocessable(
                "draws \(draws): this server draws at most \(limits.maximumDraws) in one request; "
                    + "use the command line's shards for more")
        }
        let seed = try parameters.integer("seed") ?? 1
        guard seed >= 0 else { throw ServiceError.unprocessable("seed \(seed): expected a whole number from 0 to 2^53 − 1") }
        let request: UncertaintyRequest
        do {
            request = try UncertaintyRequest(
                baseline: baseline, scenario: scenario, draws: draws, seed: UInt64(seed),
                inputs: try parameters.list("inputs"))
        } catch let error as UncertaintyError {
            throw ImpactError.uncertainty(error)
        }
        return try runUncertainty(network, request)
    }
}
