import CorridorModel

// What merging a sharded sweep and a sharded uncertainty run have in common: every shard carries the
// run's header, and each item (a point, a draw) of the run belongs to exactly one shard.

/// Refuses shards whose header differs from the first's; `differences` names what differs in a shard.
func checkShardHeaders<Result>(
    _ parts: [(source: String, result: Result)], of run: String, differences: (Result, Result) -> [String]
) throws(ImpactError) {
    guard let first = parts.first else { throw .inconsistentShards("no shard documents to merge") }
    for (source, result) in parts.dropFirst() {
        let differences = differences(result, first.result)
        if !differences.isEmpty {
            throw .inconsistentShards(
                "\(source): its \(differences.joined(separator: ", ")) \(differences.count == 1 ? "differs" : "differ") from "
                    + "\(first.source)'s; shards of one \(run) share them")
        }
    }
}

/// The run's `count` items in index order, each from the one shard that has it.
///
/// - Parameters:
///   - noun: what an item is called in messages (`point`, `draw`).
///   - describe: more about an item for the message naming a repeated one (empty by default).
///   - check: a further check of an item from a shard, run before it is taken.
/// - Throws: ``ImpactError/inconsistentShards(_:)`` for an item outside 0…count − 1, one in two shards,
///   or items missing.
func gatherShardItems<Result, Item>(
    _ parts: [(source: String, result: Result)], count: Int, noun: String, of run: String,
    items: (Result) -> [Item], index: (Item) -> Int, describe: (Item) -> String = { _ in "" },
    check: (Item, String) throws(ImpactError) -> Void = { _, _ in }
) throws(ImpactError) -> [Item] {
    var owner = [String?](repeating: nil, count: count)
    var gathered = [Item?](repeating: nil, count: count)
    for (source, result) in parts {
        for item in items(result) {
            let position = index(item)
            guard owner.indices.contains(position) else {
                throw .inconsistentShards("\(source): \(noun) \(position) is outside 0…\(count - 1)")
            }
            try check(item, source)
            if let previous = owner[position] {
                throw .inconsistentShards("\(noun) \(position)\(describe(item)) appears in both \(previous) and \(source)")
            }
            owner[position] = source
            gathered[position] = item
        }
    }
    let complete = gathered.compactMap { $0 }
    if complete.count < count {
        let missing = gathered.indices.filter { gathered[$0] == nil }
        throw .inconsistentShards(
            "\(missing.count) \(noun)(s) missing: " + ranges(missing) + "; merge every shard 1/n…n/n of the \(run)")
    }
    return complete
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
