import Foundation

/// The knobs of a Hierarchical Navigable Small World graph (Malkov & Yashunin, 2018).
///
/// - `m`: how many neighbours each new point links to on every layer. Layers above the bottom keep
///   at most `m` links per point, the bottom layer `2·m` (the paper's M_max0 = 2M).
/// - `efConstruction`: how many candidates a build-time search keeps; larger is slower to build
///   and gives a better graph.
/// - `seed`: the seed of the layer draws. The same matrix, parameters and seed give the same
///   graph, byte for byte.
///
/// A point's top layer is ⌊−ln(u)·m_L⌋ with u uniform in (0, 1] and m_L = 1/ln(M), so each
/// layer holds about 1/M of the points of the layer below.
///
/// ```swift
/// let index = try HNSWIndex.build(vectors, parameters: HNSWParameters(m: 16, efConstruction: 200))
/// ```
public struct HNSWParameters: Equatable, Sendable {
    public var m: Int
    public var efConstruction: Int
    public var seed: UInt64

    /// The accepted range of `m`: at least 2 (one link is a list, not a graph), at most 256.
    public static let mRange = 2...256
    /// The accepted range of `efConstruction`.
    public static let efRange = 1...100_000

    public init(m: Int = 16, efConstruction: Int = 200, seed: UInt64 = 42) {
        self.m = m
        self.efConstruction = efConstruction
        self.seed = seed
    }

    /// Links kept per point on layer 0: 2·M.
    public var maxLinksOnLayerZero: Int { 2 * m }

    /// m_L = 1/ln(M), the normalisation of the layer draw.
    public var levelMultiplier: Double { 1 / log(Double(m)) }

    func validated() throws -> HNSWParameters {
        guard Self.mRange.contains(m) else {
            throw IndexError.badParameter("m=\(m) is outside \(Self.mRange.lowerBound)…\(Self.mRange.upperBound); 16 is the usual choice")
        }
        guard Self.efRange.contains(efConstruction) else {
            throw IndexError.badParameter("ef=\(efConstruction) is outside \(Self.efRange.lowerBound)…\(Self.efRange.upperBound); 200 is the usual choice")
        }
        return self
    }
}
