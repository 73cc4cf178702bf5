import CorridorModel
import Foundation
import Synchronization

/// The network files a server answers on: every `*.json` network in one folder, known by its name
/// without `.json` (`networks/china-europe.json` is `china-europe`).
///
/// A request names a network only by id: a file name of the folder without `.json`, made of letters,
/// digits, `-`, `_` and `.` (so never a path), whose file must be a regular file inside the folder (a link
/// out of it is not served). Companion files (`*.observed.json`, `*.projects.json`)
/// and schemas (`*.schema.json`) are not networks. A file is read when first asked for and read again
/// when its size or modification time changes, so an edited file is served as it now stands.
public final class NetworkLibrary: Sendable {
    public let folder: String
    /// The largest network file served, in bytes (a larger one is refused, not read).
    public let maximumFileBytes: Int

    private struct Entry {
        var size: Int
        var modified: Date
        var network: Network
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// - Throws: ``ServiceError`` (500) when `folder` is not a readable folder.
    public init(folder: String, maximumFileBytes: Int = 64 << 20) throws(ServiceError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ServiceError(status: 500, "\(folder): not a folder of networks")
        }
        self.folder = folder
        self.maximumFileBytes = maximumFileBytes
    }

    /// The ids of the folder's networks, sorted: regular files, or links to regular files inside the folder
    /// (a link out of it is not served).
    public func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name in Self.id(ofFileNamed: name).flatMap { isServable(name) ? $0 : nil } }.sorted()
    }

    private func isServable(_ name: String) -> Bool {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        let resolved = url.resolvingSymlinksInPath()
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard resolved.deletingLastPathComponent().path == root || resolved.path.hasPrefix(root + "/") else { return false }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// The id of a file name, or `nil` when the file is not a network this library serves.
    static func id(ofFileNamed name: String) -> String? {
        guard name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
        for companion in [".schema.json", ".observed.json", ".projects.json"] where name.hasSuffix(companion) { return nil }
        let id = String(name.dropLast(".json".count))
        let allowed = id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
        return allowed && !id.isEmpty ? id : nil
    }

    /// Whether `id` names a network of the folder (without listing it: this is asked on every request).
    private func serves(_ id: String) -> Bool {
        Self.id(ofFileNamed: id + ".json") == id && isServable(id + ".json")
    }

    /// The network known as `id`, read and validated (from memory when the file has not changed).
    ///
    /// - Throws: ``ServiceError`` 404 for an id that is not in the folder; 422 for a file that fails
    ///   validation, with its problems; 500 for a file that cannot be read.
    public func network(_ id: String) throws(ServiceError) -> Network {
        guard serves(id) else {
            let suggestion = Suggestion.closest(to: id, among: ids()).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw ServiceError(status: 404, "no network \"\(id.escapingControlCharacters)\"\(suggestion); GET /networks lists them")
        }
        let path = folder + "/" + id + ".json"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue, let modified = attributes[.modificationDate] as? Date
        else { throw ServiceError(status: 500, "network \"\(id)\": cannot read its file") }
        if let entry = entries.withLock({ $0[id] }), entry.size == size, entry.modified == modified { return entry.network }
        guard size <= maximumFileBytes else {
            throw ServiceError(status: 422, "network \"\(id)\": its file is larger than the server reads (\(maximumFileBytes) bytes)")
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw ServiceError(status: 500, "network \"\(id)\": cannot read its file")
        }
        let network: Network
        do {
            // Messages name the file as the folder has it, never the server's own path.
            network = try NetworkReader.read(data: bytes, source: id + ".json")
        } catch {
            throw ServiceError(status: 422, error.description, problems: error.diagnostics)
        }
        entries.withLock { $0[id] = Entry(size: size, modified: modified, network: network) }
        return network
    }

    /// The version of network `id` as now served (its file's size and modification time), for caches
    /// and ETags; `nil` when it is not in the folder.
    public func version(of id: String) -> String? {
        guard serves(id),
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + id + ".json"),
            let size = (attributes[.size] as? NSNumber)?.intValue, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(size)-\(Int64((modified.timeIntervalSince1970 * 1e6).rounded()))"
    }
}
