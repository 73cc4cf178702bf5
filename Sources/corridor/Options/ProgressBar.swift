/// A one-line progress bar on standard error, redrawn in place (sweep's points, uncertainty's draws).
///
/// `@unchecked Sendable`: uncertainty's worker threads report draws through it, one call at a time
/// (the engine serialises its progress calls).
final class ProgressBar: @unchecked Sendable {
    private var drawn = false

    func show(_ done: Int, of total: Int, noun: String) {
        let width = 30
        let filled = total > 0 ? done * width / total : width
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total) \(noun)"
        Terminal.writeError(line)
        drawn = true
    }

    func finish() {
        if drawn { Terminal.writeError("\r\u{1B}[K") }
    }
}
