import CorridorImpact
import CorridorModel
import Foundation

/// A shard document (a sweep's or an uncertainty run's JSON) parsed, its `format` checked.
/// - Throws: ``ImpactError/inconsistentShards(_:)`` naming `source`, with the line and column of a JSON
///   error, or the format it should have.
func shardDocument(_ data: Data, source: String, format: String) throws(ImpactError) -> JSONValue {
    let bytes = [UInt8](data)
    let root: JSONValue
    do {
        root = try JSONParser.parse(bytes).plainValue
    } catch {
        let (line, column) = SourceLocator(bytes: bytes).location(of: error.offset)
        throw .inconsistentShards("\(source):\(line):\(column): not JSON: \(error.message)")
    }
    guard case .string(format)? = root["format"] else {
        throw .inconsistentShards("\(source): \"format\" is not \"\(format)\"")
    }
    return root
}
