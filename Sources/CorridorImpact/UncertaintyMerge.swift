import CorridorModel

/// Joins the documents of a sharded uncertainty run into the result of the unsharded run.
///
/// - Parameter parts: each shard's result with the name it came from (a file path), for messages.
/// - Throws: ``ImpactError/inconsistentShards(_:)`` when the headers (network, scenarios, draws, seed,
///   inputs) or the tornados disagree, or draws are outside the run, missing or repeated.
public func mergeUncertaintyShards(_ parts: [(source: String, result: UncertaintyResult)]) throws(ImpactError) -> UncertaintyResult {
    guard let first = parts.first else { throw .inconsistentShards("no shard documents to merge") }
    let reference = first.result
    let request = reference.request
    for (source, result) in parts.dropFirst() {
        let other = result.request
        var differences: [String] = []
        if result.networkName != reference.networkName { differences.append("network") }
        if other.baseline != request.baseline { differences.append("baseline") }
        if other.scenario != request.scenario { differences.append("scenario") }
        if other.draws != request.draws { differences.append("draws") }
        if other.seed != request.seed { differences.append("seed") }
        if result.inputs != reference.inputs { differences.append("inputs") }
        if result.base != reference.base || result.tornado != reference.tornado { differences.append("tornado") }
        if !differences.isEmpty {
            throw .inconsistentShards(
                "\(source): its \(differences.joined(separator: ", ")) \(differences.count == 1 ? "differs" : "differ") from "
                    + "\(first.source)'s; shards of one run share them")
        }
    }
    var owner = [String?](repeating: nil, count: request.draws)
    var draws = [UncertaintyDraw?](repeating: nil, count: request.draws)
    for (source, result) in parts {
        for draw in result.draws {
            guard owner.indices.contains(draw.index) else {
                throw .inconsistentShards("\(source): draw \(draw.index) is outside 0…\(request.draws - 1)")
            }
            if let previous = owner[draw.index] {
                throw .inconsistentShards("draw \(draw.index) appears in both \(previous) and \(source)")
            }
            owner[draw.index] = source
            draws[draw.index] = draw
        }
    }
    let complete = draws.compactMap { $0 }
    if complete.count < request.draws {
        let missing = draws.indices.filter { draws[$0] == nil }
        throw .inconsistentShards("\(missing.count) draw(s) missing: " + ranges(missing) + "; merge every shard 1/n…n/n of the run")
    }
    return UncertaintyResult(
        networkName: reference.networkName, request: request.whole, inputs: reference.inputs, base: reference.base,
        tornado: reference.tornado, draws: complete)
}
