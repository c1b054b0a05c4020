import Foundation
import VectorMath

/// A 32×32 RGB picture, row-major, 3 floats a pixel in [0, 1]: what the picture encoder reads and
/// what the terminal draws.
///
/// Pictures are drawn here, not loaded: a shape's outline is a formula (a circle's x² + y² ≤ r²,
/// a triangle's three half-planes, a star's ten-sided polygon), and each pixel is covered by the
/// fraction of its 3×3 sample points inside the shape, so edges are smooth.
public struct Picture: Equatable, Sendable {
    public var content: PictureContent
    /// side × side × 3 floats: pixel (x, y) channel c is at (y · side + x) · 3 + c.
    public var pixels: [Float]

    public init(content: PictureContent, pixels: [Float]) {
        self.content = content; self.pixels = pixels
    }

    /// What the picture encoder reads: the red, green and blue planes, then a fourth plane of
    /// each pixel's brightness, max(r, g, b) (HSV's *value*), 4 × 1024 floats.
    ///
    /// Why the fourth plane: with colour planes alone, a pixel MLP learns "triangle" as a pattern
    /// in the planes where triangles were seen; a green triangle, never shown in training, lights
    /// only the green plane and was recognised as a triangle 69% of the time (6,000 pictures, 15
    /// epochs). The brightness plane shows every shape the same whatever its colour, as the eye's
    /// rods do, and the shape can be learned there once for all colours.
    public var encoderInput: [Float] {
        let n = PictureWorld.side * PictureWorld.side
        var out = [Float](repeating: 0, count: 4 * n)
        for i in 0..<n {
            let r = pixels[i * 3], g = pixels[i * 3 + 1], b = pixels[i * 3 + 2]
            out[i] = r; out[n + i] = g; out[2 * n + i] = b
            out[3 * n + i] = max(r, g, b)
        }
        return out
    }

    /// The same picture in black and white (each pixel's luma, 0.299 r + 0.587 g + 0.114 b, in all
    /// three planes): CLIP's "random greyscale" augmentation. Training shows some pictures so,
    /// with captions that name no colour, and a shape must then be learned from its outline alone.
    public var greyscale: Picture {
        var out = pixels
        for i in stride(from: 0, to: pixels.count, by: 3) {
            let y = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2]
            out[i] = y; out[i + 1] = y; out[i + 2] = y
        }
        return Picture(content: content, pixels: out)
    }

    /// The colour of pixel (x, y) as (r, g, b) in [0, 1].
    public func rgb(x: Int, y: Int) -> (Float, Float, Float) {
        let i = (y * PictureWorld.side + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    static func base(_ colour: PictureContent.Colour) -> (Float, Float, Float) {
        switch colour {
        case .red: return (0.92, 0.12, 0.10)
        case .green: return (0.10, 0.80, 0.20)
        case .blue: return (0.15, 0.30, 0.95)
        case .yellow: return (0.95, 0.88, 0.10)
        case .purple: return (0.65, 0.15, 0.85)
        case .orange: return (0.98, 0.55, 0.05)
        }
    }

    /// Draws `content` with the small variations `rng` chooses.
    static func draw(_ content: PictureContent, rng: inout SeededGenerator) -> Picture {
        let side = PictureWorld.side
        let s = Float(side)
        // Where and how big: the place's centre, nudged by up to 1.5 pixels.
        var (cx, cy): (Float, Float)
        switch content.position {
        case .left: (cx, cy) = (s * 0.25, s * 0.5)
        case .right: (cx, cy) = (s * 0.75, s * 0.5)
        case .top: (cx, cy) = (s * 0.5, s * 0.25)
        case .bottom: (cx, cy) = (s * 0.5, s * 0.75)
        case .centre: (cx, cy) = (s * 0.5, s * 0.5)
        }
        cx += (rng.nextUniform() - 0.5) * 3
        cy += (rng.nextUniform() - 0.5) * 3
        let radius: Float = (content.size == .small ? 4.0 : 7.0) + (rng.nextUniform() - 0.5) * 0.8
        let brightness = 0.85 + rng.nextUniform() * 0.3
        let (r0, g0, b0) = base(content.colour)
        let colour = (min(1, r0 * brightness), min(1, g0 * brightness), min(1, b0 * brightness))
        let background: Float = 0.06 + rng.nextUniform() * 0.06

        var pixels = [Float](repeating: 0, count: PictureWorld.pixelCount)
        let outline = Outline(content.shape, radius: radius)
        for y in 0..<side {
            for x in 0..<side {
                // Coverage by 3×3 samples inside the pixel.
                var inside = 0
                let dx0 = Float(x) - cx, dy0 = Float(y) - cy
                if abs(dx0) <= radius + 1.5, abs(dy0) <= radius + 1.5 {
                    for sy in 0..<3 {
                        for sx in 0..<3 where outline.contains(dx0 + (Float(sx) + 0.5) / 3, dy0 + (Float(sy) + 0.5) / 3) { inside += 1 }
                    }
                }
                let a = Float(inside) / 9
                let noise = (rng.nextUniform() - 0.5) * 0.04
                let i = (y * side + x) * 3
                pixels[i] = a * colour.0 + (1 - a) * (background + noise)
                pixels[i + 1] = a * colour.1 + (1 - a) * (background + noise)
                pixels[i + 2] = a * colour.2 + (1 - a) * (background + noise)
            }
        }
        return Picture(content: content, pixels: pixels)
    }
}

/// A shape's outline about its centre (y grows downwards, as in the picture).
struct Outline {
    let shape: PictureContent.Shape
    let radius: Float
    /// The corners of a triangle or a star, for the even–odd polygon test.
    let polygon: [(Float, Float)]

    init(_ shape: PictureContent.Shape, radius: Float) {
        self.shape = shape
        self.radius = radius
        switch shape {
        case .triangle:
            // Pointing up; its middle is the picture's centre of the shape.
            polygon = [(0, -radius), (radius * 0.95, radius * 0.75), (-radius * 0.95, radius * 0.75)]
        case .star:
            // Five points: the corners alternate between the outer radius and 0.45 of it.
            polygon = (0..<10).map { k in
                let angle = -Float.pi / 2 + Float(k) * Float.pi / 5
                let r = k % 2 == 0 ? radius * 1.1 : radius * 0.45
                return (r * cos(angle), r * sin(angle))
            }
        default:
            polygon = []
        }
    }

    func contains(_ x: Float, _ y: Float) -> Bool {
        switch shape {
        case .circle: return x * x + y * y <= radius * radius
        case .square: return abs(x) <= radius * 0.82 && abs(y) <= radius * 0.82
        case .cross:
            let arm = radius * 0.32
            return (abs(x) <= arm && abs(y) <= radius) || (abs(y) <= arm && abs(x) <= radius)
        case .triangle, .star:
            // Even–odd rule: a ray to the right crosses the outline an odd number of times.
            var inside = false
            var j = polygon.count - 1
            for i in 0..<polygon.count {
                let (xi, yi) = polygon[i], (xj, yj) = polygon[j]
                if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                j = i
            }
            return inside
        }
    }
}
