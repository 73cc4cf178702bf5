import CorridorModel

/// Joins the documents of a sharded sweep into the result of the unsharded run.
///
/// - Parameter parts: each shard's result with the name it came from (a file path), for messages.
/// - Throws: ``ImpactError/inconsistentShards(_:)`` when the headers (network, scenario, parameter,
///   range, steps, commodity list) disagree, a point's value is not its grid value, or points are
///   missing or repeated.
public func mergeSweepShards(_ parts: [(source: String, result: SweepResult)]) throws(ImpactError) -> SweepResult {
    guard let first = parts.first else { throw .inconsistentShards("no shard documents to merge") }
    let reference = first.result
    let request = reference.request
    for (source, result) in parts.dropFirst() {
        let other = result.request
        var differences: [String] = []
        if result.networkName != reference.networkName { differences.append("network") }
        if result.scenarioID != reference.scenarioID { differences.append("scenario") }
        if other.parameter != request.parameter { differences.append("parameter") }
        if other.minimum != request.minimum { differences.append("min") }
        if other.maximum != request.maximum { differences.append("max") }
        if other.steps != request.steps { differences.append("steps") }
        if result.commodities != reference.commodities { differences.append("commodity list") }
        if !differences.isEmpty {
            throw .inconsistentShards(
                "\(source): its \(differences.joined(separator: ", ")) \(differences.count == 1 ? "differs" : "differ") from "
                    + "\(first.source)'s; shards of one sweep share them")
        }
    }
    var owner = [String?](repeating: nil, count: request.steps)
    var points = [SweepPoint?](repeating: nil, count: request.steps)
    for (source, result) in parts {
        for point in result.points {
            guard owner.indices.contains(point.index) else {
                throw .inconsistentShards("\(source): point \(point.index) is outside 0…\(request.steps - 1)")
            }
            guard point.value == request.value(at: point.index) else {
                throw .inconsistentShards(
                    "\(source): point \(point.index) has value \(JSONValue.format(point.value)), the grid says \(JSONValue.format(request.value(at: point.index)))")
            }
            if let previous = owner[point.index] {
                throw .inconsistentShards("point \(point.index) (value \(JSONValue.format(point.value))) appears in both \(previous) and \(source)")
            }
            owner[point.index] = source
            points[point.index] = point
        }
    }
    let complete = points.compactMap { $0 }
    if complete.count < request.steps {
        let missing = points.indices.filter { points[$0] == nil }
        throw .inconsistentShards(
            "\(missing.count) point(s) missing: " + ranges(missing) + "; merge every shard 1/n…n/n of the sweep")
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

/// `0–9, 20–29` for indices 0…9 and 20…29 (missing points or draws).
func ranges(_ indices: [Int]) -> String {
    var parts: [String] = []
    var start = indices.first
    var previous = indices.first
    for index in indices.dropFirst() + [Int.min] {
        guard let first = start, let last = previous else { break }
        if index == last + 1 {
            previous = index
            continue
        }
        parts.append(first == last ? "\(first)" : "\(first)–\(last)")
        start = index
        previous = index
    }
    return parts.joined(separator: ", ")
}
