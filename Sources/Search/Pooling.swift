/// How the vectors of a sentence's words become one vector for the sentence.
///
/// - `mean`: v(s) = (1/|s|) Σ_{w∈s} v(w), every word counting the same.
/// - `sif(a)`: smooth inverse frequency (Arora, Liang and Ma, "A Simple but Tough-to-Beat Baseline
///   for Sentence Embeddings", ICLR 2017): v(s) = (1/|s|) Σ_{w∈s} a/(a + p(w)) · v(w), so frequent
///   words (*the*, *of*, 的) count for little and rare ones for almost all; then the direction all
///   sentences share (the first principal component u of a set of sentence vectors) is removed:
///   v(s) ← v(s) − u uᵀ v(s). The paper uses a between 10⁻⁴ and 10⁻³.
///
/// ```swift
/// Pooling.sif(a: 1e-3).weight(probability: 0.05)   // ≈ 0.0196: "the" nearly vanishes
/// Pooling.sif(a: 1e-3).weight(probability: 1e-6)   // ≈ 0.999: a rare word keeps its vector
/// ```
public enum Pooling: Equatable, Sendable {
    case mean
    case sif(a: Double)

    /// The paper's default smoothing, a = 10⁻³.
    public static let sif = Pooling.sif(a: 1e-3)

    /// A word's weight: 1 for the mean, a/(a + p(w)) for SIF.
    public func weight(probability p: Double) -> Float {
        switch self {
        case .mean: return 1
        case .sif(let a): return Float(a / (a + p))
        }
    }

    /// "mean" or "SIF (a = 0.001)".
    public var name: String {
        switch self {
        case .mean: return "mean"
        case .sif(let a): return "SIF (a = \(a))"
        }
    }
}
