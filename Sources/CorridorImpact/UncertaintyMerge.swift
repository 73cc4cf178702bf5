import CorridorModel

/// Joins the documents of a sharded uncertainty run into the result of the unsharded run.
///
/// - Parameter parts: each shard's result with the name it came from (a file path), for messages.
/// - Throws: ``ImpactError/inconsistentShards(_:)`` when the headers (network, scenarios, draws, seed,
///   inputs) or the tornados disagree, or draws are outside the run, missing or repeated.
public func mergeUncertaintyShards(_ parts: [(source: String, result: UncertaintyResult)]) throws(ImpactError) -> UncertaintyResult {
    try checkShardHeaders(parts, of: "run") { result, reference in
        let (other, request) = (result.request, reference.request)
        var differences: [String] = []
        if result.networkName != reference.networkName { differences.append("network") }
        if other.baseline != request.baseline { differences.append("baseline") }
        if other.scenario != request.scenario { differences.append("scenario") }
        if other.draws != request.draws { differences.append("draws") }
        if other.seed != request.seed { differences.append("seed") }
        if result.inputs != reference.inputs { differences.append("inputs") }
        if result.base != reference.base || result.tornado != reference.tornado { differences.append("tornado") }
        return differences
    }
    let reference = parts[0].result
    let request = reference.request
    let complete = try gatherShardItems(
        parts, count: request.draws, noun: "draw", of: "run", items: \.draws, index: \.index)
    return UncertaintyResult(
        networkName: reference.networkName, request: request.whole, inputs: reference.inputs, base: reference.base,
        tornado: reference.tornado, draws: complete)
}
