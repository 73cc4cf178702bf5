import CorridorModel

/// Joins the documents of a sharded sweep into the result of the unsharded run.
///
/// - Parameter parts: each shard's result with the name it came from (a file path), for messages.
/// - Throws: ``ImpactError/inconsistentShards(_:)`` when the headers (network, scenario, parameter,
///   range, steps, commodity list) disagree, a point's value is not its grid value, or points are
///   missing or repeated.
public func mergeSweepShards(_ parts: [(source: String, result: SweepResult)]) throws(ImpactError) -> SweepResult {
    try checkShardHeaders(parts, of: "sweep") { result, reference in
        let (other, request) = (result.request, reference.request)
        var differences: [String] = []
        if result.networkName != reference.networkName { differences.append("network") }
        if result.scenarioID != reference.scenarioID { differences.append("scenario") }
        if other.parameter != request.parameter { differences.append("parameter") }
        if other.minimum != request.minimum { differences.append("min") }
        if other.maximum != request.maximum { differences.append("max") }
        if other.steps != request.steps { differences.append("steps") }
        if result.commodities != reference.commodities { differences.append("commodity list") }
        return differences
    }
    let reference = parts[0].result
    let request = reference.request
    let complete = try gatherShardItems(
        parts, count: request.steps, noun: "point", of: "sweep", items: \.points, index: \.index,
        describe: { " (value \(JSONValue.format($0.value)))" }
    ) { point, source throws(ImpactError) in
        guard point.value == request.value(at: point.index) else {
            throw .inconsistentShards(
                "\(source): point \(point.index) has value \(JSONValue.format(point.value)), the grid says \(JSONValue.format(request.value(at: point.index)))")
        }
    }
    let whole: SweepRequest
    do {
        whole = try SweepRequest(
            parameter: request.parameter, minimum: request.minimum, maximum: request.maximum, steps: request.steps)
    } catch {
        throw .sweepRequest(error)
    }
    return SweepResult(
        networkName: reference.networkName, scenarioID: reference.scenarioID, request: whole,
        commodities: reference.commodities, points: complete, breakpoints: joinedBreakpoints(parts.map(\.result)))
}

/// The shards' breakpoints in order of their ranges; a shard's first entry only starts its part of the range
/// and is dropped where the slope goes on unchanged from the shard before.
private func joinedBreakpoints(_ shards: [SweepResult]) -> [SweepBreakpoint] {
    var joined: [SweepBreakpoint] = []
    for shard in shards.sorted(by: { ($0.request.shard?.index ?? 0) < ($1.request.shard?.index ?? 0) }) {
        for breakpoint in shard.breakpoints {
            if let last = joined.last, breakpoint.marginalValue == last.marginalValue { continue }
            joined.append(breakpoint)
        }
    }
    return joined
}
