import CFileExchange
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// corridor's output policy for a folder of files (the CSV tables): it replaces only what it wrote itself,
/// and a reader sees the old set or the new one, never a mix.
///
/// Every folder corridor writes holds a manifest, `corridor-manifest.json`, naming the kind of output and
/// each file with its size and FNV-1a hash. A file counts as corridor's only while it is listed there and
/// still has that content: a file the user edited, or one a hand-made manifest lists, is the user's. A
/// target folder is written when it
/// - does not exist: the files are written into a temporary folder beside it, flushed, and renamed into place;
/// - is empty, or holds exactly a previous output of the same kind: the new folder is built beside it and
///   the two are exchanged in one step (`renameat2` with `RENAME_EXCHANGE`), then the old files are
///   removed. Where the folder cannot be exchanged (a mount point), the files are written into it one by
///   one instead, each whole, the manifest last;
/// - holds anything else: refused, unless `force` is given; then corridor's files are written into it one
///   by one (each whole, the manifest last), beside what is there, which is all kept; a file of the same
///   name that is not corridor's stops the write before anything is changed.
///
/// The working folder, any folder above it and `/` are refused whatever `force` says; so is standard
/// output. A symbolic link to a folder is written through.
public enum OutputFolder {
    /// The manifest's file name.
    public static let manifestName = "corridor-manifest.json"

    /// Writes `files` (name, contents) as a folder of output of `kind` at `path`.
    /// - Throws: ``OutputError`` saying why nothing was written.
    public static func write(
        _ files: [(name: String, contents: Data)], kind: String, to path: String, force: Bool = false
    ) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(path: "\"\"", reason: "an empty folder name") }
        let folder = try FileSystem.resolvingLinks(FileSystem.trimmingTrailingSlashes(path), shownAs: path)
        guard path != "-", FileSystem.openDescriptor(named: folder) == nil else {
            throw OutputError(path: path, reason: "a folder of files cannot go to standard output; name a folder")
        }
        try refuseWorkingFolderOrAbove(folder, shownAs: path)
        let written = Manifest(kind: kind, files: files.map { Manifest.Entry(name: $0.name, contents: $0.contents) })
        FileSystem.removeStaleTemporaries(of: folder)
        switch try FileSystem.kind(of: folder) {
        case .missing, .symbolicLink:
            try FileSystem.requireParentFolder(of: folder, shownAs: path)
            let staging = try stage(files, written, beside: folder, mode: 0o777 & ~FileSystem.currentUmask, shownAs: path)
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
            // Corridor's own: listed, unchanged, and of a type this output writes (`.csv`), so that a
            // hand-made manifest cannot make the user's notes.txt look like one of corridor's tables.
            let extensions = Set(files.map { FileSystem.name(of: $0.name).split(separator: ".").last.map(String.init) ?? "" })
            let ours = (previous?.intact(in: folder) ?? []).filter {
                extensions.contains($0.split(separator: ".").last.map(String.init) ?? "")
            }
            for name in previous?.files.map(\.name) ?? [] {
                FileSystem.removeStaleTemporaries(of: FileSystem.join(folder, name))
            }
            let entries = try contents(of: folder, shownAs: path)
            let oursAndManifest = ours.union(previous == nil ? [] : [manifestName])
            let foreign = entries.filter { !oursAndManifest.contains($0) }.sorted()
            if foreign.isEmpty && (entries.isEmpty || previous?.kind == kind) {
                try replace(folder, with: files, written, mode: mode, shownAs: path)
            } else if force {
                try writeBeside(files, into: folder, manifest: written, keeping: ours, previous: previous, entries: Set(entries), shownAs: path)
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

    /// Writes the files and their manifest into a new temporary folder beside `folder` and returns its path.
    private static func stage(
        _ files: [(name: String, contents: Data)], _ manifest: Manifest, beside folder: String, mode: mode_t,
        shownAs path: String
    ) throws(OutputError) -> String {
        let staging = FileSystem.temporaryPath(for: folder)
        guard mkdir(staging, 0o700) == 0 else { throw OutputError(path: path, reason: FileSystem.reason(errno)) }
        do {
            for file in files + [(name: manifestName, contents: manifest.data)] {
                try FileSystem.createFile(
                    FileSystem.join(staging, file.name), file.contents, mode: FileSystem.newFileMode, shownAs: path)
            }
            chmod(staging, mode)
            FileSystem.flushFolder(staging)
        } catch {
            FileSystem.removeFolderOfFiles(staging)
            throw error
        }
        return staging
    }

    /// Replaces an empty folder, or one holding only a previous output of the same kind, in one step; a
    /// folder that cannot be exchanged (a mount point) is written file by file instead.
    private static func replace(
        _ folder: String, with files: [(name: String, contents: Data)], _ manifest: Manifest, mode: mode_t,
        shownAs path: String
    ) throws(OutputError) {
        // A folder whose parent takes no new entry (a volume mounted under a read-only folder), or that
        // cannot be exchanged (a mount point), is written in place instead.
        guard let staging = try? stage(files, manifest, beside: folder, mode: mode, shownAs: path) else {
            return try writeInPlace(files, manifest, into: folder, shownAs: path)
        }
        guard corridor_exchange_paths(staging, folder) == 0 else {
            let failure = errno
            FileSystem.removeFolderOfFiles(staging)
            guard failure == EBUSY || failure == EXDEV || failure == EINVAL || failure == ENOSYS else {
                throw OutputError(path: path, reason: FileSystem.reason(failure))
            }
            return try writeInPlace(files, manifest, into: folder, shownAs: path)
        }
        FileSystem.flushFolder(FileSystem.folder(of: folder))
        // `staging` now names the old folder: only files corridor wrote.
        FileSystem.removeFolderOfFiles(staging)
    }

    /// Writes an output into a folder that is empty or holds only corridor's output of the same kind, file
    /// by file; the old files not written again are removed.
    private static func writeInPlace(
        _ files: [(name: String, contents: Data)], _ manifest: Manifest, into folder: String, shownAs path: String
    ) throws(OutputError) {
        let previous = Manifest.read(in: folder)
        let ours = previous?.intact(in: folder) ?? []
        let entries = try contents(of: folder, shownAs: path)
        try writeBeside(files, into: folder, manifest: manifest, keeping: ours, previous: previous, entries: Set(entries), shownAs: path)
        let stale = ours.subtracting(files.map(\.name))
        for name in stale { unlink(FileSystem.join(folder, name)) }
        try OutputFile.write(manifest.data, to: FileSystem.join(folder, manifestName))
    }

    /// Writes corridor's files into a folder that holds other files too, each one whole, the manifest last,
    /// which lists the new files and the earlier corridor files kept beside them.
    private static func writeBeside(
        _ files: [(name: String, contents: Data)], into folder: String, manifest: Manifest, keeping ours: Set<String>,
        previous: Manifest?, entries: Set<String>, shownAs path: String
    ) throws(OutputError) {
        // A manifest corridor did not write is the user's file too.
        let written = files.map(\.name) + [manifestName]
        let clashes = written.filter { entries.contains($0) && !ours.contains($0) && !($0 == manifestName && previous != nil) }
        guard clashes.isEmpty else {
            throw OutputError(
                path: path,
                reason: "\(clashes.joined(separator: ", ")) in it \(clashes.count == 1 ? "was" : "were") not written "
                    + "by corridor and would be replaced; name a new or empty folder")
        }
        let kept = (previous?.files ?? []).filter { ours.contains($0.name) }
        // First a manifest that knows both the old and the new content of every file, so that a run
        // killed halfway leaves files the next run still recognises as corridor's.
        var interim = manifest
        interim.files += kept
        try OutputFile.write(interim.data, to: FileSystem.join(folder, manifestName))
        for file in files {
            try OutputFile.write(file.contents, to: FileSystem.join(folder, file.name))
        }
        let newNames = Set(files.map(\.name))
        var combined = manifest
        combined.files += kept.filter { !newNames.contains($0.name) }
        try OutputFile.write(combined.data, to: FileSystem.join(folder, manifestName))
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
}

/// What `corridor-manifest.json` records: the kind of output and each file corridor wrote, with its size
/// and 64-bit FNV-1a hash, so that a file changed since is not taken for corridor's.
struct Manifest {
    struct Entry {
        var name: String
        var bytes: Int
        var hash: UInt64

        init(name: String, contents: Data) {
            self.name = name
            bytes = contents.count
            hash = Self.fnv1a(contents)
        }

        init(name: String, bytes: Int, hash: UInt64) {
            (self.name, self.bytes, self.hash) = (name, bytes, hash)
        }

        /// FNV-1a, 64 bits (Fowler, Noll and Vo): enough to tell an edited file from corridor's own.
        static func fnv1a(_ data: Data) -> UInt64 {
            data.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
    }

    var kind: String
    var files: [Entry]

    var data: Data {
        let entries = files.map {
            "    { \"name\": \"\($0.name)\", \"bytes\": \($0.bytes), \"fnv1a64\": \"\(String($0.hash, radix: 16))\" }"
        }
        return Data(
            """
            {
              "format": "corridor-manifest/2",
              "kind": "\(kind)",
              "files": [
            \(entries.joined(separator: ",\n"))
              ]
            }

            """.utf8)
    }

    /// The names of the listed files that are in `folder` with a content the manifest records (a name may
    /// be listed with two contents while a file-by-file write is under way).
    func intact(in folder: String) -> Set<String> {
        Set(
            files.filter { entry in
                guard let contents = FileManager.default.contents(atPath: FileSystem.join(folder, entry.name)) else {
                    return false
                }
                return contents.count == entry.bytes && Entry.fnv1a(contents) == entry.hash
            }.map(\.name))
    }

    /// The manifest in `folder`, or `nil` when there is none or it is not one of corridor's.
    static func read(in folder: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: FileSystem.join(folder, OutputFolder.manifestName)),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["format"] as? String == "corridor-manifest/2",
            let kind = object["kind"] as? String,
            let list = object["files"] as? [[String: Any]]
        else { return nil }
        var files: [Entry] = []
        for item in list {
            guard let name = item["name"] as? String, !name.contains("/"), name != ".", name != "..",
                let bytes = item["bytes"] as? Int, let hashText = item["fnv1a64"] as? String,
                let hash = UInt64(hashText, radix: 16)
            else { return nil }
            files.append(Entry(name: name, bytes: bytes, hash: hash))
        }
        return Manifest(kind: kind, files: files)
    }
}
