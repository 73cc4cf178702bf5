import Foundation

/// A point in SVG user units (y grows downwards).
struct Point: Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned box in SVG user units.
struct Rect: Equatable {
    var minX: Double
    var minY: Double
    var width: Double
    var height: Double

    var maxX: Double { minX + width }
    var maxY: Double { minY + height }

    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// The point of the box closest to `point`.
    func nearestPoint(to point: Point) -> Point {
        Point(x: min(max(point.x, minX), maxX), y: min(max(point.y, minY), maxY))
    }
}

/// Equirectangular projection with its x axis shrunk by the cosine of a reference latitude, fitted to
/// a box of SVG user units.
///
/// x = (λ − λ₀)·cos φ₀·s, y = −(φ − φ₀)·s. Scaling by cos φ₀ keeps shapes true near φ₀, which for the
/// 30°–60° N band of Eurasian corridors distorts distances by under 25 % at the band's edges — adequate for a
/// schematic map, and straight graticule lines keep it readable. φ₀ is the middle of the drawn latitudes.
struct MapProjection: Equatable {
    let width: Double
    let height: Double
    /// Pixels per degree of latitude.
    let scale: Double
    let cosine: Double
    let centreLon: Double
    let centreLat: Double

    /// Fits `coordinates` (latitude, longitude in degrees) into a box `width` wide with `margin` user units
    /// on each side, padded by a few percent of their span and at least `minimumPad` degrees. The height
    /// follows the coordinates' shape, clamped to `heights`; a clamped box shows more (or the fit shrinks)
    /// rather than distorting the map. Returns nil when no coordinate is finite.
    init?(
        coordinates: [(lat: Double, lon: Double)], width: Double, heights: ClosedRange<Double>, margin: Double,
        minimumPad: Double = 1.5
    ) {
        let finite = coordinates.filter { $0.lat.isFinite && $0.lon.isFinite }
        guard let first = finite.first else { return nil }
        var south = first.lat
        var north = first.lat
        var west = first.lon
        var east = first.lon
        for point in finite {
            south = min(south, point.lat)
            north = max(north, point.lat)
            west = min(west, point.lon)
            east = max(east, point.lon)
        }
        let latPad = max(minimumPad, (north - south) * 0.08)
        let lonPad = max(minimumPad, (east - west) * 0.05)
        south = max(-89, south - latPad)
        north = min(89, north + latPad)
        west -= lonPad
        east += lonPad
        let centreLat = (south + north) / 2
        let cosine = max(0.2, cos(centreLat * .pi / 180))
        let spanX = (east - west) * cosine
        let spanY = north - south
        let innerWidth = max(1, width - 2 * margin)
        var scale = innerWidth / spanX
        var height = spanY * scale + 2 * margin
        if height > heights.upperBound {
            height = heights.upperBound
            scale = min(scale, (height - 2 * margin) / spanY)
        } else if height < heights.lowerBound {
            height = heights.lowerBound
        }
        self.width = width
        self.height = height
        self.scale = scale
        self.cosine = cosine
        self.centreLon = (west + east) / 2
        self.centreLat = centreLat
    }

    func project(lat: Double, lon: Double) -> Point {
        Point(
            x: width / 2 + (lon - centreLon) * cosine * scale,
            y: height / 2 - (lat - centreLat) * scale)
    }

    /// The longitudes visible from the left edge to the right edge.
    var lonRange: ClosedRange<Double> {
        let half = width / 2 / (cosine * scale)
        return (centreLon - half)...(centreLon + half)
    }

    /// The latitudes visible from the bottom edge to the top edge.
    var latRange: ClosedRange<Double> {
        let half = height / 2 / scale
        return (centreLat - half)...(centreLat + half)
    }

    /// Graticule spacing in degrees: 10° as a rule, finer when fewer than two lines would show.
    var graticuleStep: Double {
        let shorter = min(lonRange.upperBound - lonRange.lowerBound, latRange.upperBound - latRange.lowerBound)
        return shorter >= 20 ? 10 : shorter >= 10 ? 5 : shorter >= 4 ? 2 : 1
    }
}
