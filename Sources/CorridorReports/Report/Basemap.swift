import Foundation

/// Land, coastlines and borders under the report's maps: Natural Earth's 1:50m countries (public
/// domain), clipped to Eurasia and simplified by `scripts/make-basemap` into ``encodedRings``.
enum Basemap {
    /// Every country ring, longitude and latitude in degrees.
    static let rings: [[(lon: Double, lat: Double)]] = encodedRings.split(separator: "\n").map { line in
        var lon = 0
        var lat = 0
        return line.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let dx = Int(parts[0]), let dy = Int(parts[1]) else { return nil }
            lon += dx
            lat += dy
            return (Double(lon) / 10, Double(lat) / 10)
        }
    }

    /// SVG path data for the rings that show in `projection`'s box, each closed; points closer than
    /// `minimumStep` user units to the last one kept are dropped, so a small map stays small.
    static func pathData(_ projection: MapProjection, minimumStep: Double = 0.8) -> String {
        let view = Rect(minX: 0, minY: 0, width: projection.width, height: projection.height)
        var data = ""
        for ring in rings {
            var points: [Point] = []
            for position in ring {
                let point = projection.project(lat: position.lat, lon: position.lon)
                if let last = points.last, abs(point.x - last.x) + abs(point.y - last.y) < minimumStep { continue }
                points.append(point)
            }
            guard points.count >= 3, let first = points.first else { continue }
            var box = Rect(minX: first.x, minY: first.y, width: 0, height: 0)
            for point in points {
                box = Rect(
                    minX: min(box.minX, point.x), minY: min(box.minY, point.y),
                    width: max(box.maxX, point.x) - min(box.minX, point.x),
                    height: max(box.maxY, point.y) - min(box.minY, point.y))
            }
            guard box.intersects(view) else { continue }
            data += "M" + points.map { "\(Markup.coordinate($0.x)),\(Markup.coordinate($0.y))" }.joined(separator: "L") + "Z"
        }
        return data
    }
}
