import CSQLite
import Foundation

/// A value bound to an SQL statement's parameter.
enum SQLiteValue {
    case text(String?)
    case real(Double?)
    case integer(Int?)
    case blob(Data)

    init(_ value: FeatureLayer.Value) {
        switch value {
        case .text(let text): self = .text(text)
        case .real(let real): self = .real(real)
        case .integer(let integer): self = .integer(integer)
        }
    }
}

/// An in-memory SQLite database, closed when released.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    init() throws(GeoPackageError) {
        guard sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw GeoPackageError(description: "SQLite: \(message)")
        }
    }

    deinit { sqlite3_close(handle) }

    /// Runs statements without parameters.
    func execute(_ sql: String) throws(GeoPackageError) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw GeoPackageError(description: "SQLite: \(text)")
        }
    }

    /// Runs one statement with its parameters bound in order.
    func run(_ sql: String, _ values: [SQLiteValue]) throws(GeoPackageError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
        defer { sqlite3_finalize(statement) }
        // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .text(let text?): status = sqlite3_bind_text(statement, index, text, -1, transient)
            case .real(let real?) where real.isFinite: status = sqlite3_bind_double(statement, index, real)
            case .integer(let integer?): status = sqlite3_bind_int64(statement, index, Int64(integer))
            case .blob(let data):
                status = data.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
            case .text(nil), .real, .integer(nil): status = sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw failure() }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw failure() }
    }

    /// The database as the bytes of its file.
    func serialized() throws(GeoPackageError) -> Data {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw GeoPackageError(description: "SQLite: could not serialise the database")
        }
        defer { sqlite3_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    private func failure() -> GeoPackageError {
        GeoPackageError(description: "SQLite: " + String(cString: sqlite3_errmsg(handle)))
    }
}
