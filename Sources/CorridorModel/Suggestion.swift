/// "Did you mean …?" for misspelt ids, by edit distance with a similarity floor.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (adjacent swaps count as one edit), or `nil` when none is close enough
    /// (distance at most a third of the longer word, and at most 3).
    ///
    /// Ties go to the candidate listed first, so the answer is deterministic.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let letters = Array(candidate.lowercased())
            let limit = min(3, max(1, max(letters.count, target.count) / 3))
            let distance = editDistance(target, letters)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Optimal-string-alignment distance: Levenshtein plus the swap of two adjacent letters as one
    /// edit (`xain` → `xian`), the commonest typing slip. Three rolling rows: O(|a|·|b|) time,
    /// O(|b|) memory.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
