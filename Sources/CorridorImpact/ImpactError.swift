import CorridorModel
import CorridorOptimization

/// Why an impact analysis (comparison, sweep, criticality) could not be computed.
public enum ImpactError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An id that does not name an active element of the kind the analysis needs.
    case element(ElementResolutionError)
    /// A sweep asked for points it cannot have.
    case sweepRequest(SweepRequestError)
    /// Shard documents that do not read or do not join into one sweep; the text names the file and
    /// what is wrong.
    case inconsistentShards(String)
    /// The allocation failed; see ``AllocationError``.
    case allocation(AllocationError)
    /// A scenario id the network does not have.
    case scenario(UnknownScenarioError)
    /// A project the investment program cannot express; the text names it and why.
    case investment(String)
    /// An uncertainty run that cannot be computed.
    case uncertainty(UncertaintyError)
    /// GLPK stopped at the time limit it was given, in seconds, before it had an answer: no answer,
    /// not a failure.
    case timeLimit(seconds: Double)

    public var description: String {
        switch self {
        case .element(let error): error.description
        case .sweepRequest(let error): error.description
        case .inconsistentShards(let text): text
        case .allocation(let error): error.description
        case .scenario(let error): error.description
        case .investment(let text): text
        case .uncertainty(let error): error.description
        case .timeLimit(let seconds): "stopped at the time limit of \(JSONValue.format(seconds)) s"
        }
    }
}

/// Which end of a sweep's range a fault is at.
public enum SweepBound: String, Sendable {
    case minimum, maximum
}

/// A sweep's range, step count or shard that cannot be computed. Descriptions name the request's parts
/// (`minimum`, `steps`), never a front end's options.
public enum SweepRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooFewSteps(Int)
    case tooManySteps(Int, limit: Int)
    case notFinite(SweepBound, Double)
    case minimumAboveMaximum(Double, Double)
    /// A bound below 0 for `noun` (`capacity`, `cost`, `demand scale`).
    case negative(SweepBound, Double, noun: String)
    /// A bound above the largest value `noun` may take.
    case aboveLimit(SweepBound, Double, noun: String, limit: Double)
    /// A shard `index/count` outside 1 ≤ index ≤ count.
    case shardOutOfRange(index: Int, count: Int)
    /// A shard that is not written `i/n`.
    case shardSyntax(String)
    /// More shards than the sweep has blocks of `segmentLength` points (shards take whole blocks, so that
    /// their joined result equals one run's).
    case tooManyShards(SweepShard, steps: Int, segments: Int, segmentLength: Int)

    public var description: String {
        switch self {
        case .tooFewSteps(let steps): "\(steps) steps: a sweep needs at least 1 point"
        case .tooManySteps(let steps, let limit): "\(steps) steps: at most \(limit) points; sweep a narrower range in shards"
        case .notFinite(let bound, let value): "\(bound.rawValue) \(value): not a finite number"
        case .minimumAboveMaximum(let minimum, let maximum):
            "minimum \(JSONValue.format(minimum)) is above maximum \(JSONValue.format(maximum))"
        case .negative(let bound, let value, let noun): "\(bound.rawValue) \(JSONValue.format(value)): a \(noun) cannot be negative"
        case .aboveLimit(let bound, let value, let noun, let limit):
            "\(bound.rawValue) \(JSONValue.format(value)): a \(noun) is at most \(ModelLimits.written(limit))"
        case .shardOutOfRange(let index, let count): "shard \(index)/\(count): needs 1 ≤ i ≤ n, e.g. 1/4"
        case .shardSyntax(let text): "shard \(text): expected i/n, e.g. 2/4"
        case .tooManyShards(let shard, let steps, let segments, let length):
            "shard \(shard): the sweep's \(steps) points form \(segments) block\(segments == 1 ? "" : "s") of up to \(length) "
                + "(shards take whole blocks, so that joined they equal one run); use at most \(segments) "
                + "shard\(segments == 1 ? "" : "s"), not \(shard.count)"
        }
    }
}
