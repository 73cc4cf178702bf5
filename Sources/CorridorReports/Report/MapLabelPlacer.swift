/// Greedy label placement: each label, in priority order, takes the first of a fixed ring of candidate
/// positions around its point that stays inside the map and clears every marker and label already placed,
/// trying wider rings (with a leader line) before giving up and overlapping.
///
/// Christensen, Marks & Shieber, "An empirical study of algorithms for point-feature label placement",
/// ACM Transactions on Graphics 14(3), 1995, compare this greedy scheme with costlier ones; for the dozen
/// labels of a corridor map it is enough. O(labels² × candidates).
struct MapLabelPlacer {
    /// Where a label went: its box and whether it sits far enough out to need a leader line.
    struct Placement: Equatable {
        var box: Rect
        var needsLeader: Bool
    }

    private var occupied: [Rect]
    private let bounds: Rect

    /// - Parameters:
    ///   - bounds: labels must stay inside this box.
    ///   - obstacles: boxes labels should not cover, e.g. node markers.
    init(bounds: Rect, obstacles: [Rect]) {
        self.bounds = bounds
        self.occupied = obstacles
    }

    /// Places a `width` × `height` label next to a marker of radius `radius` at `anchor`.
    mutating func place(at anchor: Point, radius: Double, width: Double, height: Double) -> Placement {
        var fallback: Placement?
        for (ring, gap) in [4.0, 16, 30].enumerated() {
            let distance = radius + gap
            for box in Self.candidates(anchor, distance: distance, width: width, height: height) {
                let placement = Placement(box: box, needsLeader: ring > 0)
                guard bounds.contains(box) else { continue }
                if fallback == nil { fallback = placement }
                if !occupied.contains(where: { $0.intersects(box) }) {
                    occupied.append(box)
                    return placement
                }
            }
        }
        let chosen =
            fallback
            ?? Placement(
                box: Rect(
                    minX: min(max(anchor.x + radius + 4, bounds.minX), bounds.maxX - width),
                    minY: min(max(anchor.y - height / 2, bounds.minY), bounds.maxY - height),
                    width: width, height: height),
                needsLeader: false)
        occupied.append(chosen.box)
        return chosen
    }

    /// Right, left, above, below, then the four diagonals — the cartographic order of preference.
    private static func candidates(_ anchor: Point, distance: Double, width: Double, height: Double) -> [Rect] {
        let diagonal = distance * 0.75
        let origins: [(Double, Double)] = [
            (anchor.x + distance, anchor.y - height / 2),
            (anchor.x - distance - width, anchor.y - height / 2),
            (anchor.x - width / 2, anchor.y - distance - height),
            (anchor.x - width / 2, anchor.y + distance),
            (anchor.x + diagonal, anchor.y - diagonal - height),
            (anchor.x + diagonal, anchor.y + diagonal),
            (anchor.x - diagonal - width, anchor.y - diagonal - height),
            (anchor.x - diagonal - width, anchor.y + diagonal),
        ]
        return origins.map { Rect(minX: $0.0, minY: $0.1, width: width, height: height) }
    }
}
