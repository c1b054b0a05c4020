// swift-tools-version:6.0
import PackageDescription

// The layers of DESIGN.md, bottom to top. A target only depends on the ones below it.
let package = Package(
    name: "EmbedLab",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "embedlab", targets: ["embedlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Numbers only: contiguous Float32 storage, SIMD kernels, top-k, PCA, RNG, statistics.
        .target(name: "VectorMath"),
        // Words <-> vectors: vocabulary, model files, queries, evaluation.
        .target(name: "Embeddings", dependencies: ["VectorMath"]),
        // Text -> tokens: words, characters, UTF-8 bytes, BPE, Chinese word segmentation.
//PENDING        .target(name: "Tokenizers", resources: [.copy("Resources")]),
        // Corpus -> vocabulary -> co-occurrence -> GloVe vectors.
//PENDING        .target(name: "GloVe", dependencies: ["VectorMath"]),
        // The command language: parse -> evaluate -> typed Value; the session.
        .target(name: "Workbench", dependencies: ["VectorMath", "Embeddings"]),
        // Values -> terminal text: tables, bars, braille scatter plots, colour, JSON.
        .target(name: "Rendering", dependencies: ["Workbench", "Embeddings"]),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "embedlab",
            dependencies: [
                "VectorMath", "Embeddings", "Workbench", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Benchmarks: release builds, run by scripts/bench.sh, never by the test suite.
        .executableTarget(name: "embedlab-bench", dependencies: ["VectorMath", "Embeddings"], path: "Benchmarks/embedlab-bench"),
        .testTarget(name: "VectorMathTests", dependencies: ["VectorMath"]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "VectorMath"]),
//PENDING        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers"]),
//PENDING        .testTarget(name: "GloVeTests", dependencies: ["GloVe", "Embeddings", "VectorMath"]),
    ]
)

