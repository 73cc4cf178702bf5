import CorridorModel
import CorridorService

/// The OpenAPI 3.0 document of the API, built from the operations' own parameter lists
/// (``CorridorService/ServiceOperation/parameters``) so that it cannot drift from what the server takes.
/// Each answer's schema names its `format` tag and the members every such document has (docs/OUTPUT.md
/// has them all); every error shares one schema.
public enum OpenAPIDocument {
    public static let apiVersion = "1"

    /// The document as served at `GET /openapi.json`, a network id being one of `networkIDs` (the
    /// served folder's, so that a client generating requests from the document names real networks).
    public static func text(networkIDs: [String]) -> String { document(networkIDs: networkIDs).serialized() + "\n" }

    /// The top-level members every document of an operation has (docs/OUTPUT.md).
    static func requiredMembers(_ operation: ServiceOperation) -> [String] {
        let head = ["format", "network"]
        return switch operation {
        case .info: head + ["scenario", "unit", "period", "currency", "nodes", "crossings", "links", "demands", "scenarios"]
        case .validate: head + ["valid", "nodes", "links", "demands", "scenarios", "warnings"]
        case .route: head + ["scenario", "from", "to", "by", "k", "paths"]
        case .maxflow: head + ["scenario", "value", "cut", "crossings", "nodes", "links"]
        case .allocate:
            head + ["scenario", "status", "objective", "objectiveParts", "served", "unserved", "demands", "nodes", "links", "crossings"]
        case .compare: head + ["scenario", "baseline", "crossings", "totals", "changes"]
        case .sweep: head + ["scenario", "parameter", "min", "max", "steps", "breakpoints", "points"]
        case .criticality: head + ["scenario", "baseline", "ranking"]
        case .uncertainty: head + ["baseline", "scenario", "draws", "seed", "inputs", "summary", "tornado", "results"]
        }
    }

    static func document(networkIDs: [String]) -> JSONValue {
        let networkID = networkIDParameter(networkIDs)
        var paths: [(key: String, value: JSONValue)] = [
            ("/health", get("Liveness, solver load and cache use.", schema: object(required: ["status", "solvers", "cache"]))),
            ("/version", get("corridor's, GLPK's and the API's versions.", schema: object(required: ["corridor", "glpk", "api"]))),
            ("/networks", get("The served networks by id.", schema: object(required: ["networks"]))),
        ]
        for operation in ServiceOperation.allCases {
            let name = operation.rawValue
            let answer = documentSchema(operation)
            paths.append((
                "/networks/{id}/\(name)",
                .object([
                    ("post", endpoint(
                        "\(name) on a served network; parameters in a JSON body.", id: "\(name)Served", parameters: [networkID],
                        body: (required: false, schema: bodySchema(operation.parameters)), answer: answer)),
                    ("get", endpoint(
                        "\(name) on a served network; parameters in the query.", id: "\(name)ServedQuery",
                        parameters: [networkID] + operation.parameters.map(queryParameter), body: nil, answer: answer)),
                ])
            ))
            paths.append((
                "/\(name)",
                .object([
                    ("post", endpoint(
                        "\(name) on the network posted as the body (corridor-network/1 or /2); parameters in the query.",
                        id: "\(name)Posted", parameters: operation.parameters.map(queryParameter),
                        body: (required: true, schema: .object([("type", .string("object"))])), answer: answer))
                ])
            ))
        }
        paths.append((
            "/networks/{id}/explore",
            .object([
                ("post", endpoint(
                    "The explorer's question: a scenario with edited crossings and demand, against a baseline.", id: "explore",
                    parameters: [networkID], body: (required: false, schema: bodySchema(ExplorerQuery.parameters)),
                    answer: object(required: ["format", "summary", "controls", "html", "comparison"], format: "corridor-explorer/1")))
            ])
        ))
        return .object([
            ("openapi", .string("3.0.3")),
            ("info", .object([
                ("title", .string("corridor")),
                ("version", .string(apiVersion)),
                ("description", .string("Routes, max-flow, least-cost allocation and impact on corridor networks; every answer is the JSON document the command line prints with --format json.")),
            ])),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object([("Error", errorSchema)]))])),
        ])
    }

    private static func networkIDParameter(_ ids: [String]) -> JSONValue {
        .object([
            ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string("A network's id: its file name in the served folder without .json.")),
            ("schema", .object([("type", .string("string"))] + (ids.isEmpty ? [] : [("enum", .array(ids.map { .string($0) }))]))),
        ])
    }

    /// One method of one path: what it does, its parameters, its JSON body if any, and its answers.
    private static func endpoint(
        _ summary: String, id: String, parameters: [JSONValue], body: (required: Bool, schema: JSONValue)?, answer: JSONValue
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("summary", .string(summary)), ("operationId", .string(id)), ("parameters", .array(parameters)),
        ]
        if let body {
            members.append(("requestBody", .object([("required", .bool(body.required)), ("content", jsonContent(body.schema))])))
        }
        members.append(("responses", responses(answer)))
        return .object(members)
    }

    private static func get(_ summary: String, schema: JSONValue) -> JSONValue {
        .object([("get", .object([("summary", .string(summary)), ("responses", responses(schema))]))])
    }

    private static func documentSchema(_ operation: ServiceOperation) -> JSONValue {
        object(required: requiredMembers(operation), format: operation.documentFormat)
    }

    private static func object(required: [String], format: String? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", .string("object")), ("required", .array(required.map { .string($0) }))]
        if let format {
            members.append(("properties", .object([("format", .object([("type", .string("string")), ("enum", .array([.string(format)]))]))])))
        }
        return .object(members)
    }

    private static func schema(of kind: ParameterSpec.Kind) -> JSONValue {
        switch kind {
        case .string: .object([("type", .string("string"))])
        case .integer: .object([("type", .string("integer"))])
        case .number: .object([("type", .string("number"))])
        case .boolean: .object([("type", .string("boolean"))])
        case .list: .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])
        case .numbersByID: .object([("type", .string("object")), ("additionalProperties", .object([("type", .string("number"))]))])
        case .numbersByMeasure:
            .object([
                ("type", .string("object")),
                ("additionalProperties", .object([("type", .string("object")), ("additionalProperties", .object([("type", .string("number"))]))])),
            ])
        }
    }

    private static func bodySchema(_ parameters: [ParameterSpec]) -> JSONValue {
        .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("properties", .object(parameters.map { spec in
                guard case .object(let members) = schema(of: spec.kind) else { return (spec.name, .null) }
                return (spec.name, .object(members + [("description", .string(spec.summary))]))
            })),
        ])
    }

    private static func queryParameter(_ spec: ParameterSpec) -> JSONValue {
        let schema: JSONValue = spec.kind == .list ? .object([("type", .string("string"))]) : self.schema(of: spec.kind)
        return .object([
            ("name", .string(spec.name)), ("in", .string("query")), ("required", .bool(false)),
            ("description", .string(spec.summary + (spec.kind == .list ? " Comma-separated." : ""))), ("schema", schema),
        ])
    }

    private static func responses(_ answer: JSONValue) -> JSONValue {
        var entries: [(key: String, value: JSONValue)] = [
            ("200", .object([("description", .string("The answer.")), ("content", jsonContent(answer))]))
        ]
        for (status, meaning) in [
            ("400", "A malformed request: not JSON, an unknown parameter, a value of the wrong type."),
            ("404", "No such network or endpoint."),
            ("405", "A method the endpoint does not take."),
            ("413", "The body is larger than the server reads."),
            ("422", "A request the network cannot answer: an unknown id, an invalid network, no route."),
            ("500", "corridor's own failure."),
            ("503", "Every solver busy, or the time limit reached."),
        ] {
            entries.append((status, .object([
                ("description", .string(meaning)),
                ("content", jsonContent(.object([("$ref", .string("#/components/schemas/Error"))]))),
            ])))
        }
        return .object(entries)
    }

    private static func jsonContent(_ schema: JSONValue) -> JSONValue {
        .object([("application/json", .object([("schema", schema)]))])
    }

    private static let errorSchema: JSONValue = .object([
        ("type", .string("object")), ("required", .array([.string("error")])),
        ("properties", .object([
            ("error", .object([
                ("type", .string("object")), ("required", .array([.string("status"), .string("message")])),
                ("properties", .object([
                    ("status", .object([("type", .string("integer"))])),
                    ("message", .object([("type", .string("string"))])),
                    ("problems", .object([
                        ("type", .string("array")),
                        ("items", .object([
                            ("type", .string("object")), ("required", .array([.string("path"), .string("message")])),
                            ("properties", .object([
                                ("path", .object([("type", .string("string"))])), ("message", .object([("type", .string("string"))])),
                                ("suggestion", .object([("type", .string("string"))])),
                            ])),
                        ])),
                    ])),
                ])),
            ]))
        ])),
    ])
}
