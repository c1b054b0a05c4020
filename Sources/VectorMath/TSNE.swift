import Foundation

/// t-SNE (van der Maaten and Hinton, 2008): rows of a matrix placed in the plane so that rows
/// near each other stay near each other. Unlike PCA it keeps neighbourhoods, not distances: the
/// sizes of clusters and the gaps between them mean little.
///
///     input affinities  pⱼ|ᵢ = exp(−βᵢ‖xᵢ − xⱼ‖²) / Σₖ exp(−βᵢ‖xᵢ − xₖ‖²),  βᵢ such that 2^H(Pᵢ) = perplexity
///                       pᵢⱼ = (pⱼ|ᵢ + pᵢ|ⱼ) / 2n
///     output affinities qᵢⱼ = (1 + ‖yᵢ − yⱼ‖²)⁻¹ / Z,  Z = Σₖ≠ₗ (1 + ‖yₖ − yₗ‖²)⁻¹
///     gradient          ∂KL/∂yᵢ = 4 Σⱼ (pᵢⱼ − qᵢⱼ)(1 + ‖yᵢ − yⱼ‖²)⁻¹ (yᵢ − yⱼ)
///
/// Up to `exactLimit` rows every pair is used (O(n²) per iteration). Above it, Barnes–Hut
/// (van der Maaten, 2014): pᵢⱼ only among each row's ⌊3·perplexity⌋ nearest rows, and the
/// repulsion of far groups of points taken from a quadtree cell's centre of mass when the cell
/// looks smaller than `theta` from the point (O(n log n) per iteration).
///
/// Optimisation as in the reference implementation: early exaggeration 12 for the first 250
/// iterations, momentum 0.5 then 0.8, per-coordinate gains, learning rate max(n / 12, 50). The
/// start is Gaussian noise (σ = 10⁻⁴) from `SeededGenerator(seed:)` and every sum runs in a fixed
/// order on one thread, so the same rows, settings and seed give the same picture, bit for bit.
///
///     let y = TSNE(perplexity: 30, seed: 7).embed(matrix)    // [(x, y)], one per row
public struct TSNE: Sendable {
    public var perplexity: Double
    public var iterations: Int
    public var seed: UInt64
    /// Barnes–Hut's accuracy: a cell is one body when its size / distance < theta.
    public var theta: Double
    /// Above this many rows, Barnes–Hut instead of every pair.
    public var exactLimit: Int

    public init(perplexity: Double = 30, iterations: Int = 1000, seed: UInt64 = 1, theta: Double = 0.5, exactLimit: Int = 1000) {
        self.perplexity = perplexity
        self.iterations = iterations
        self.seed = seed
        self.theta = theta
        self.exactLimit = exactLimit
    }

    /// The perplexity used for `n` rows: at most (n − 1) / 3, at least 1.
    public func effectivePerplexity(rows n: Int) -> Double {
        max(1, min(perplexity, Double(n - 1) / 3))
    }

    /// Sparse joint affinities: for row i, `columns[start[i]..<start[i+1]]` with `values` (symmetric, summing to 1).
    public struct Affinities: Sendable {
        public var start: [Int]
        public var columns: [Int]
        public var values: [Double]
    }

    /// The 2-D positions of the rows of `x`.
    public func embed(_ x: Matrix, shouldStop: () -> Bool = { false }) -> [(x: Double, y: Double)] {
        let n = x.rows
        guard n > 1 else { return Array(repeating: (0, 0), count: n) }
        let p = affinities(x)
        var y = [Double](repeating: 0, count: 2 * n)
        var rng = SeededGenerator(seed: seed)
        for i in 0..<(2 * n) {
            // Box–Muller: a standard normal from two uniforms in (0, 1].
            let u1 = max(rng.nextDouble(), 1e-12), u2 = rng.nextDouble()
            y[i] = 1e-4 * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
        var update = [Double](repeating: 0, count: 2 * n)
        var gains = [Double](repeating: 1, count: 2 * n)
        var gradient = [Double](repeating: 0, count: 2 * n)
        let rate = max(Double(n) / 12, 50)
        let exact = n <= exactLimit
        for iteration in 0..<iterations {
            if iteration % 50 == 0, shouldStop() { break }
            let exaggeration = iteration < 250 ? 12.0 : 1.0
            let momentum = iteration < 250 ? 0.5 : 0.8
            if exact { exactGradient(p, y, exaggeration: exaggeration, into: &gradient) } else { barnesHutGradient(p, y, exaggeration: exaggeration, into: &gradient) }
            for i in 0..<(2 * n) {
                // Gains grow where the gradient keeps its sign against the last step, shrink where it turns.
                gains[i] = (gradient[i] > 0) != (update[i] > 0) ? gains[i] + 0.2 : max(0.01, gains[i] * 0.8)
                update[i] = momentum * update[i] - rate * gains[i] * gradient[i]
                y[i] += update[i]
            }
            // Centre the picture (t-SNE's loss does not see a shift).
            var mx = 0.0, my = 0.0
            for i in 0..<n { mx += y[2 * i]; my += y[2 * i + 1] }
            mx /= Double(n); my /= Double(n)
            for i in 0..<n { y[2 * i] -= mx; y[2 * i + 1] -= my }
        }
        return (0..<n).map { (y[2 * $0], y[2 * $0 + 1]) }
    }

    /// The joint affinities P of the rows: all pairs up to `exactLimit` rows, else each row's
    /// ⌊3·perplexity⌋ nearest rows.
    public func affinities(_ x: Matrix) -> Affinities {
        let n = x.rows
        let perplexity = effectivePerplexity(rows: n)
        let k = n <= exactLimit ? n - 1 : min(n - 1, Int(3 * perplexity))
        // Squared distances to each row's k nearest rows (all rows when exact), nearest first.
        var neighbours = [[(index: Int, distance: Double)]](repeating: [], count: n)
        let norms = (0..<n).map { i in x.withRow(i) { r in r.reduce(0.0) { $0 + Double($1) * Double($1) } } }
        for i in 0..<n {
            var row: [(index: Int, distance: Double)] = []
            row.reserveCapacity(n - 1)
            x.withRow(i) { a in
                for j in 0..<n where j != i {
                    let dot = x.withRow(j) { b in
                        var s = 0.0
                        for t in 0..<a.count { s += Double(a[t]) * Double(b[t]) }
                        return s
                    }
                    row.append((j, max(0, norms[i] + norms[j] - 2 * dot)))
                }
            }
            if k < n - 1 {
                row.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.index < $1.index) }
                row.removeLast(row.count - k)
            }
            neighbours[i] = row
        }
        // Conditional pⱼ|ᵢ by a binary search on βᵢ for the entropy log(perplexity).
        let target = log(perplexity)
        var conditional = [[Double]](repeating: [], count: n)
        for i in 0..<n {
            let d = neighbours[i].map(\.distance)
            let shift = d.min() ?? 0
            var beta = 1.0, lo = -Double.infinity, hi = Double.infinity
            var p = [Double](repeating: 0, count: d.count)
            for _ in 0..<100 {
                var sum = 0.0
                for j in d.indices { p[j] = exp(-beta * (d[j] - shift)); sum += p[j] }
                var entropy = 0.0
                for j in d.indices {
                    p[j] /= sum
                    if p[j] > 1e-300 { entropy -= p[j] * log(p[j]) }
                }
                if abs(entropy - target) < 1e-5 { break }
                if entropy > target {
                    lo = beta
                    beta = hi.isFinite ? (beta + hi) / 2 : beta * 2
                } else {
                    hi = beta
                    beta = lo.isFinite ? (beta + lo) / 2 : beta / 2
                }
            }
            conditional[i] = p
        }
        // Symmetrise: pᵢⱼ = (pⱼ|ᵢ + pᵢ|ⱼ) / 2n, over the union of both neighbour lists.
        var rows = [[Int: Double]](repeating: [:], count: n)
        for i in 0..<n {
            for (slot, nb) in neighbours[i].enumerated() {
                let v = conditional[i][slot] / Double(2 * n)
                rows[i][nb.index, default: 0] += v
                rows[nb.index][i, default: 0] += v
            }
        }
        var start = [0], columns: [Int] = [], values: [Double] = []
        for i in 0..<n {
            for (j, v) in rows[i].sorted(by: { $0.key < $1.key }) { columns.append(j); values.append(v) }
            start.append(columns.count)
        }
        return Affinities(start: start, columns: columns, values: values)
    }

    /// Every pair: the exact gradient.
    func exactGradient(_ p: Affinities, _ y: [Double], exaggeration: Double, into gradient: inout [Double]) {
        let n = y.count / 2
        var q = [Double](repeating: 0, count: n * n)
        var z = 0.0
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                let v = 1 / (1 + dx * dx + dy * dy)
                q[i * n + j] = v; q[j * n + i] = v
                z += 2 * v
            }
        }
        for i in 0..<(2 * n) { gradient[i] = 0 }
        // Attraction from P (sparse rows), repulsion from every pair.
        for i in 0..<n {
            var gx = 0.0, gy = 0.0
            for s in p.start[i]..<p.start[i + 1] {
                let j = p.columns[s], v = q[i * n + j]
                gx += exaggeration * p.values[s] * v * (y[2 * i] - y[2 * j])
                gy += exaggeration * p.values[s] * v * (y[2 * i + 1] - y[2 * j + 1])
            }
            for j in 0..<n where j != i {
                let v = q[i * n + j]
                gx -= v * v / z * (y[2 * i] - y[2 * j])
                gy -= v * v / z * (y[2 * i + 1] - y[2 * j + 1])
            }
            gradient[2 * i] = 4 * gx
            gradient[2 * i + 1] = 4 * gy
        }
    }

    /// Barnes–Hut: attraction along P's sparse rows, repulsion from a quadtree.
    func barnesHutGradient(_ p: Affinities, _ y: [Double], exaggeration: Double, into gradient: inout [Double]) {
        let n = y.count / 2
        let tree = QuadTree(y)
        var repulsion = [Double](repeating: 0, count: 2 * n)
        var z = 0.0
        for i in 0..<n {
            let (fx, fy, zi) = tree.repulsion(at: y[2 * i], y[2 * i + 1], theta: theta)
            repulsion[2 * i] = fx; repulsion[2 * i + 1] = fy
            z += zi
        }
        for i in 0..<n {
            var gx = 0.0, gy = 0.0
            for s in p.start[i]..<p.start[i + 1] {
                let j = p.columns[s]
                let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                let v = 1 / (1 + dx * dx + dy * dy)
                gx += exaggeration * p.values[s] * v * dx
                gy += exaggeration * p.values[s] * v * dy
            }
            gradient[2 * i] = 4 * (gx - repulsion[2 * i] / z)
            gradient[2 * i + 1] = 4 * (gy - repulsion[2 * i + 1] / z)
        }
    }

    /// KL(P ‖ Q) of positions `y` (every pair; for tests and small sets).
    public static func klDivergence(_ p: Affinities, _ y: [(x: Double, y: Double)]) -> Double {
        let n = y.count
        var z = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let dx = y[i].x - y[j].x, dy = y[i].y - y[j].y
                z += 1 / (1 + dx * dx + dy * dy)
            }
        }
        var kl = 0.0
        for i in 0..<n {
            for s in p.start[i]..<p.start[i + 1] where p.values[s] > 0 {
                let j = p.columns[s]
                let dx = y[i].x - y[j].x, dy = y[i].y - y[j].y
                let q = max(1e-300, 1 / (1 + dx * dx + dy * dy) / z)
                kl += p.values[s] * log(p.values[s] / q)
            }
        }
        return kl
    }
}

/// A quadtree over points in the plane for Barnes–Hut: each cell keeps its number of points and
/// their centre of mass. Cells live in flat arrays; children are four consecutive cells.
struct QuadTree {
    var centreX: [Double] = [], centreY: [Double] = [], size: [Double] = []
    var massX: [Double] = [], massY: [Double] = [], count: [Int] = []
    var firstChild: [Int] = []
    /// The one point of a leaf (−1: none or an inner cell).
    var point: [Int] = []
    let ys: [Double]

    init(_ y: [Double]) {
        ys = y
        let n = y.count / 2
        var x0 = Double.infinity, x1 = -Double.infinity, y0 = Double.infinity, y1 = -Double.infinity
        for i in 0..<n {
            x0 = min(x0, y[2 * i]); x1 = max(x1, y[2 * i]); y0 = min(y0, y[2 * i + 1]); y1 = max(y1, y[2 * i + 1])
        }
        let half = max(x1 - x0, y1 - y0, 1e-9) / 2 * 1.0001
        addCell((x0 + x1) / 2, (y0 + y1) / 2, half)
        for i in 0..<n { insert(i, cell: 0, depth: 0) }
    }

    mutating func addCell(_ cx: Double, _ cy: Double, _ half: Double) {
        centreX.append(cx); centreY.append(cy); size.append(half)
        massX.append(0); massY.append(0); count.append(0); firstChild.append(-1); point.append(-1)
    }

    mutating func insert(_ i: Int, cell start: Int, depth: Int) {
        var cell = start, depth = depth
        let px = ys[2 * i], py = ys[2 * i + 1]
        while true {
            // Every cell on the way takes the point into its count and centre of mass.
            let c = Double(count[cell])
            massX[cell] = (massX[cell] * c + px) / (c + 1)
            massY[cell] = (massY[cell] * c + py) / (c + 1)
            count[cell] += 1
            if firstChild[cell] < 0 {
                if count[cell] == 1 { point[cell] = i; return }
                // Points at the same place (or too deep): the leaf keeps them together.
                if depth > 40 { return }
                let old = point[cell]
                point[cell] = -1
                firstChild[cell] = centreX.count
                let h = size[cell] / 2
                for (sx, sy) in [(-1.0, -1.0), (1, -1), (-1, 1), (1, 1)] { addCell(centreX[cell] + sx * h, centreY[cell] + sy * h, h) }
                if old >= 0 {
                    let child = childIndex(cell, ys[2 * old], ys[2 * old + 1])
                    insertLeaf(old, cell: child)
                }
            }
            cell = childIndex(cell, px, py)
            depth += 1
        }
    }

    /// Puts a point back into an empty child cell (when its leaf splits).
    mutating func insertLeaf(_ i: Int, cell: Int) {
        massX[cell] = ys[2 * i]; massY[cell] = ys[2 * i + 1]; count[cell] = 1; point[cell] = i
    }

    func childIndex(_ cell: Int, _ x: Double, _ y: Double) -> Int {
        firstChild[cell] + (x >= centreX[cell] ? 1 : 0) + (y >= centreY[cell] ? 2 : 0)
    }

    /// Σⱼ qᵢⱼ²Z² (yᵢ − yⱼ) and Σⱼ (1 + ‖yᵢ − yⱼ‖²)⁻¹ for the point at (x, y), a far cell counted as its centre of mass.
    func repulsion(at x: Double, _ y: Double, theta: Double) -> (Double, Double, Double) {
        var fx = 0.0, fy = 0.0, z = 0.0
        var stack = [0]
        while let cell = stack.popLast() {
            let c = count[cell]
            guard c > 0 else { continue }
            let dx = x - massX[cell], dy = y - massY[cell]
            let d2 = dx * dx + dy * dy
            let isLeaf = firstChild[cell] < 0
            if isLeaf || (2 * size[cell]) * (2 * size[cell]) < theta * theta * d2 {
                // A leaf holding only this very point adds nothing.
                if isLeaf && d2 == 0 && (c == 1) { continue }
                let v = 1 / (1 + d2)
                let m = Double(c) - (isLeaf && d2 == 0 ? 1 : 0)
                z += m * v
                fx += m * v * v * dx
                fy += m * v * v * dy
            } else {
                let f = firstChild[cell]
                stack.append(contentsOf: [f + 3, f + 2, f + 1, f])
            }
        }
        return (fx, fy, z)
    }
}
