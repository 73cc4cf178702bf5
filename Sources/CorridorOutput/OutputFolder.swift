import CFileExchange
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// corridor's output policy for a folder of files (the CSV tables): it replaces only what it wrote itself,
/// and a reader sees the old set or the new one, never a mix.
///
/// Every folder corridor writes holds a manifest, `corridor-manifest.json`, naming the kind of output and
/// its files. A target folder is written when it
/// - does not exist: the files are written into a temporary folder beside it, flushed, and renamed into place;
/// - is empty, or holds exactly a previous output of the same kind (its manifest and the files it lists):
///   the new folder is built beside it and the two are exchanged in one step (`renameat2` with
///   `RENAME_EXCHANGE`), then the old files are removed;
/// - holds anything else: refused, unless `force` is given; then corridor's files are written into it one
///   by one (each whole, the manifest last), beside what is there, and a file of the same name that no
///   manifest lists stops the write before anything is changed.
///
/// The working folder, any folder above it and `/` are refused whatever `force` says. A symbolic link to a
/// folder is written through.
public enum OutputFolder {
    /// The manifest's file name.
    public static let manifestName = "corridor-manifest.json"

    /// Writes `files` (name, contents) as a folder of output of `kind` at `path`.
    /// - Throws: ``OutputError`` saying why nothing was written.
    public static func write(
        _ files: [(name: String, contents: Data)], kind: String, to path: String, force: Bool = false
    ) throws(OutputError) {
        guard path != "-" else {
            throw OutputError(path: path, reason: "a folder of files cannot go to standard output; name a folder")
        }
        guard !path.isEmpty else { throw OutputError(path: "\"\"", reason: "an empty folder name") }
        let folder = try FileSystem.resolvingLinks(
            path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, shownAs: path)
        try refuseWorkingFolderOrAbove(folder, shownAs: path)
        let manifest = Manifest(kind: kind, files: files.map(\.name))
        let all = files + [(name: manifestName, contents: manifest.data)]
        FileSystem.removeStaleTemporaries(of: folder)
        switch try FileSystem.kind(of: folder) {
        case .missing, .symbolicLink:
            try FileSystem.requireParentFolder(of: folder, shownAs: path)
            let staging = try stage(all, beside: folder, mode: 0o777 & ~currentUmask(), shownAs: path)
            guard rename(staging, folder) == 0 else {
                let failure = errno
                FileSystem.removeFolderOfFiles(staging)
                throw OutputError(
                    path: path,
                    reason: failure == EEXIST || failure == ENOTEMPTY
                        ? "another process created the folder while this one was writing; nothing was changed, run again"
                        : FileSystem.reason(failure))
            }
            FileSystem.flushFolder(FileSystem.folder(of: folder))
        case .directory(let mode):
            let previous = Manifest.read(in: folder)
            for name in previous?.files ?? [] {
                FileSystem.removeStaleTemporaries(of: (folder as NSString).appendingPathComponent(name))
            }
            let entries = try contents(of: folder, shownAs: path)
            let ours = Set(previous?.files ?? []).union(previous == nil ? [] : [manifestName])
            let foreign = entries.filter { !ours.contains($0) }.sorted()
            if foreign.isEmpty && (entries.isEmpty || previous?.kind == kind) {
                try exchange(all, with: folder, mode: mode, removing: entries, shownAs: path)
            } else if force {
                try writeBeside(all, into: folder, ours: ours, entries: Set(entries), shownAs: path)
            } else {
                let listed = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
                let reason =
                    foreign.isEmpty
                    ? "holds corridor's \(previous?.kind ?? "other") output, not \(kind); name another folder"
                    : "the folder holds files corridor did not write (\(listed)); name a new or empty folder"
                throw OutputError(path: path, reason: reason, forceWouldWrite: true)
            }
        case .regular, .special:
            throw OutputError(path: path, reason: "exists and is not a folder")
        }
    }

    /// Writes the files into a new temporary folder beside `folder` and returns its path.
    private static func stage(
        _ files: [(name: String, contents: Data)], beside folder: String, mode: mode_t, shownAs path: String
    ) throws(OutputError) -> String {
        let staging = FileSystem.temporaryPath(for: folder)
        guard mkdir(staging, 0o700) == 0 else { throw OutputError(path: path, reason: FileSystem.reason(errno)) }
        do {
            for file in files {
                let filePath = (staging as NSString).appendingPathComponent(file.name)
                try FileSystem.createFile(filePath, file.contents, mode: FileSystem.newFileMode, shownAs: path)
            }
            chmod(staging, mode)
            FileSystem.flushFolder(staging)
        } catch {
            FileSystem.removeFolderOfFiles(staging)
            throw error
        }
        return staging
    }

    /// Replaces an empty folder, or one holding only a previous output of the same kind, in one step.
    private static func exchange(
        _ files: [(name: String, contents: Data)], with folder: String, mode: mode_t, removing old: [String],
        shownAs path: String
    ) throws(OutputError) {
        let staging = try stage(files, beside: folder, mode: mode, shownAs: path)
        guard corridor_exchange_paths(staging, folder) == 0 else {
            let failure = errno
            FileSystem.removeFolderOfFiles(staging)
            throw OutputError(path: path, reason: FileSystem.reason(failure))
        }
        FileSystem.flushFolder(FileSystem.folder(of: folder))
        // `staging` now names the old folder: only files corridor listed in it.
        FileSystem.removeFolderOfFiles(staging)
    }

    /// Writes corridor's files into a folder that holds other files too, each one whole, the manifest last;
    /// files of an earlier corridor output that the new one does not have are removed.
    private static func writeBeside(
        _ files: [(name: String, contents: Data)], into folder: String, ours: Set<String>, entries: Set<String>,
        shownAs path: String
    ) throws(OutputError) {
        let clashes = files.map(\.name).filter { entries.contains($0) && !ours.contains($0) }
        guard clashes.isEmpty else {
            throw OutputError(
                path: path,
                reason: "\(clashes.joined(separator: ", ")) in it \(clashes.count == 1 ? "was" : "were") not written "
                    + "by corridor and would be replaced; name a new or empty folder")
        }
        for file in files {
            try OutputFile.write(file.contents, to: (folder as NSString).appendingPathComponent(file.name))
        }
        let kept = Set(files.map(\.name))
        for stale in ours.subtracting(kept) where entries.contains(stale) {
            unlink((folder as NSString).appendingPathComponent(stale))
        }
    }

    private static func contents(of folder: String, shownAs path: String) throws(OutputError) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw OutputError(path: path, reason: "cannot list the folder (check its permissions)")
        }
        return entries
    }

    /// Refuses `/`, the working folder and every folder above it: replacing any of them would take the
    /// user's files with it.
    private static func refuseWorkingFolderOrAbove(_ folder: String, shownAs path: String) throws(OutputError) {
        guard let resolved = realpath(folder, nil) else { return }
        defer { free(resolved) }
        let target = String(cString: resolved)
        let workingFolder = FileManager.default.currentDirectoryPath
        let isAbove = target == "/" || workingFolder == target || workingFolder.hasPrefix(target + "/")
        if isAbove {
            throw OutputError(
                path: path, reason: "is the working folder or a folder above it; name a new folder for the tables")
        }
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}

/// What `corridor-manifest.json` records: the kind of output and the files corridor wrote.
struct Manifest: Equatable {
    var kind: String
    var files: [String]

    var data: Data {
        let names = files.map { "    \"\($0)\"" }.joined(separator: ",\n")
        return Data(
            """
            {
              "format": "corridor-manifest/1",
              "kind": "\(kind)",
              "files": [
            \(names)
              ]
            }

            """.utf8)
    }

    /// The manifest in `folder`, or `nil` when there is none or it is not one of corridor's.
    static func read(in folder: String) -> Manifest? {
        let path = (folder as NSString).appendingPathComponent(OutputFolder.manifestName)
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["format"] as? String == "corridor-manifest/1",
            let kind = object["kind"] as? String,
            let files = object["files"] as? [String],
            files.allSatisfy({ !$0.contains("/") && $0 != "." && $0 != ".." })
        else { return nil }
        return Manifest(kind: kind, files: files)
    }
}
