/// Greedy label placement: each label, in priority order, takes the first of a fixed ring of candidate
/// positions around its point that stays inside the map, clears every marker and label already placed and,
/// where it can, every link — trying wider rings (with a leader line) before settling for less.
///
/// Christensen, Marks & Shieber, "An empirical study of algorithms for point-feature label placement",
/// ACM Transactions on Graphics 14(3), 1995, compare this greedy scheme with costlier ones; for the few
/// dozen labels of a corridor map it is enough. O(labels × (labels + links) × candidates).
struct MapLabelPlacer {
    /// Where a label went: its box and whether it sits far enough out to need a leader line.
    struct Placement: Equatable {
        var box: Rect
        var needsLeader: Bool
    }

    /// A drawn line labels should rather not cover.
    struct Segment: Equatable {
        var from: Point
        var to: Point
        var halfWidth: Double
    }

    private var occupied: [Rect]
    private let segments: [Segment]
    private let bounds: Rect

    /// - Parameters:
    ///   - bounds: labels must stay inside this box.
    ///   - obstacles: boxes labels must not cover, e.g. node markers.
    ///   - segments: lines labels avoid when they can, e.g. links.
    init(bounds: Rect, obstacles: [Rect], segments: [Segment] = []) {
        self.bounds = bounds
        self.occupied = obstacles
        self.segments = segments
    }

    /// Gaps between a marker and its label's candidates, nearest first; beyond the first, a leader line
    /// joins label and marker.
    static let rings = [4.0, 16, 30, 48, 72]

    /// Places a `width` × `height` label next to a marker of radius `radius` at `anchor`: the first
    /// candidate clear of boxes and lines, else the first clear of boxes, else the first inside the bounds.
    /// For labels the map must show (crossings): it may, as a last resort, overlap another.
    mutating func place(at anchor: Point, radius: Double, width: Double, height: Double) -> Placement {
        if let clear = placeClear(at: anchor, radius: radius, width: width, height: height) { return clear }
        var inside: Placement?
        for (ring, gap) in Self.rings.enumerated() {
            for box in Self.candidates(anchor, distance: radius + gap, width: width, height: height)
            where inside == nil && bounds.contains(box) {
                inside = Placement(box: box, needsLeader: ring > 0)
            }
        }
        let fallback = Placement(
            box: Rect(
                minX: min(max(anchor.x + radius + 4, bounds.minX), bounds.maxX - width),
                minY: min(max(anchor.y - height / 2, bounds.minY), bounds.maxY - height),
                width: width, height: height),
            needsLeader: false)
        return take(inside ?? fallback)
    }

    /// Places a label where it covers no marker and no other label — clear of lines too when any such
    /// candidate is — or nowhere (nil): a label the map can do without never overlaps another.
    mutating func placeClear(at anchor: Point, radius: Double, width: Double, height: Double) -> Placement? {
        var clearOfBoxes: Placement?
        for (ring, gap) in Self.rings.enumerated() {
            for box in Self.candidates(anchor, distance: radius + gap, width: width, height: height) {
                guard bounds.contains(box), !occupied.contains(where: { $0.intersects(box) }) else { continue }
                let placement = Placement(box: box, needsLeader: ring > 0)
                if clearOfBoxes == nil { clearOfBoxes = placement }
                if !segments.contains(where: { Self.crosses($0, box) }) { return take(placement) }
            }
        }
        return clearOfBoxes.map { take($0) }
    }

    /// Places a label only where it clears every box and line within the two nearer rings; nil otherwise.
    /// For labels a crowded map can do without, such as junctions.
    mutating func placeIfClear(at anchor: Point, radius: Double, width: Double, height: Double) -> Placement? {
        for (ring, gap) in [4.0, 16].enumerated() {
            for box in Self.candidates(anchor, distance: radius + gap, width: width, height: height)
            where bounds.contains(box) && !occupied.contains(where: { $0.intersects(box) })
                && !segments.contains(where: { Self.crosses($0, box) })
            {
                return take(Placement(box: box, needsLeader: ring > 0))
            }
        }
        return nil
    }

    private mutating func take(_ placement: Placement) -> Placement {
        occupied.append(placement.box)
        return placement
    }

    /// Whether `segment`, widened by its half width, touches `box` (Liang–Barsky clipping).
    static func crosses(_ segment: Segment, _ box: Rect) -> Bool {
        let grown = Rect(
            minX: box.minX - segment.halfWidth, minY: box.minY - segment.halfWidth,
            width: box.width + 2 * segment.halfWidth, height: box.height + 2 * segment.halfWidth)
        let dx = segment.to.x - segment.from.x
        let dy = segment.to.y - segment.from.y
        var entry = 0.0
        var exit = 1.0
        for (p, q) in [
            (-dx, segment.from.x - grown.minX), (dx, grown.maxX - segment.from.x),
            (-dy, segment.from.y - grown.minY), (dy, grown.maxY - segment.from.y),
        ] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { entry = max(entry, t) } else { exit = min(exit, t) }
                if entry > exit { return false }
            }
        }
        return true
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
