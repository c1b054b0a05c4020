// swift-tools-version:6.0
import PackageDescription

// The layers of ARCHITECTURE.md, bottom to top. A target only depends on the ones below it.
let package = Package(
    name: "EmbedLab",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "embedlab", targets: ["embedlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // YAML front matter of lessons and notebooks.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Files: the one opener, line reader, read policy and safe writer every layer uses.
        .target(name: "FileAccess"),
        // Numbers only: contiguous Float32 storage, SIMD kernels, top-k, PCA, RNG, statistics.
        .target(name: "VectorMath"),
        // Words <-> vectors: vocabulary, model files, queries, evaluation.
        .target(name: "Embeddings", dependencies: ["VectorMath", "FileAccess"]),
        // Text -> tokens: words, characters, UTF-8 bytes, BPE, Chinese word segmentation.
        .target(name: "Tokenizers", resources: [.copy("Resources")]),
        // Subword tokenizers (WordPiece, SentencePiece unigram) and the transformer forward pass: contextual vectors.
        .target(name: "Encoders", dependencies: ["VectorMath", "Embeddings", "FileAccess"]),
        // Corpus -> vocabulary -> co-occurrence -> GloVe vectors.
        .target(name: "GloVe", dependencies: ["VectorMath", "FileAccess"]),
        // Corpus -> Word2Vec vectors (skip-gram, CBOW, negative sampling); reads corpora through GloVe's Corpus and Vocabulary.
        // Optimised in debug builds too: its inner loop is VectorMath's @inlinable SIMD kernel, which
        // unoptimised runs ~50x slower and would make the small-world tests take minutes.
        .target(name: "Word2Vec", dependencies: ["GloVe", "VectorMath"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Pictures and captions -> one space: a seeded picture world, two encoders, CLIP's contrastive loss.
        // Optimised in debug builds too, like Word2Vec: the tests train a small model in seconds.
        .target(name: "CLIP", dependencies: ["VectorMath", "Tokenizers", "FileAccess"], exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // HNSW approximate nearest neighbours over any matrix (cosine), saved and memory-mapped.
        // Optimised in debug builds too, like Word2Vec: lessons build an index over 30,000 words live.
        // A software prefetch for the HNSW search (one inline C function; Swift cannot name the instruction).
        .target(name: "CPrefetch", exclude: ["README.md"]),
        .target(name: "Index", dependencies: ["VectorMath", "CPrefetch", "FileAccess"], exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Sentences -> vectors (mean, SIF), document collections, search / recommend / classify.
        .target(name: "Search", dependencies: ["VectorMath", "Embeddings", "Tokenizers", "FileAccess"], exclude: ["README.md"]),
        // The command language: parse -> evaluate -> typed Value; the session.
        .target(name: "Workbench", dependencies: ["VectorMath", "Embeddings", "Tokenizers", "GloVe", "Word2Vec", "FileAccess", "Search", "Index", "Encoders", "CLIP"]),
        // Values -> terminal text: tables, bars, braille scatter plots, colour, JSON.
        .target(name: "Rendering", dependencies: ["Workbench", "Embeddings", "FileAccess", "VectorMath"]),
        // Lesson and notebook documents, the lesson runner, checks and grading, progress.
        .target(name: "Lessons", dependencies: ["Workbench", "Rendering", "Embeddings", "FileAccess", .product(name: "Yams", package: "Yams")]),
        // The line editor: libedit through a system-library target; CTerminal: Ctrl-C and UTF-8 input.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CTerminal"),
        .target(name: "REPL", dependencies: ["CEditLine", "CTerminal", "Workbench", "Rendering", "Lessons", "Embeddings", "FileAccess"]),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "embedlab",
            dependencies: [
                "VectorMath", "Embeddings", "Workbench", "Rendering", "Lessons", "REPL", "CTerminal", "GloVe", "FileAccess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Benchmarks: release builds, run by scripts/bench.sh, never by the test suite.
        .executableTarget(name: "embedlab-bench", dependencies: ["VectorMath", "Embeddings", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Benchmarks/embedlab-bench"),
        .executableTarget(name: "glove-bench", dependencies: ["GloVe", "Embeddings", "VectorMath"], path: "Benchmarks/glove-bench"),
        .executableTarget(name: "ann-bench", dependencies: ["Index", "VectorMath"], path: "Benchmarks/ann-bench"),
        .testTarget(name: "FileAccessTests", dependencies: ["FileAccess"]),
        .executableTarget(name: "word2vec-bench", dependencies: ["Word2Vec", "GloVe", "Embeddings", "VectorMath"], path: "Benchmarks/word2vec-bench"),
        .executableTarget(name: "clip-bench", dependencies: ["CLIP", "VectorMath"], path: "Benchmarks/clip-bench"),
        .executableTarget(name: "encoder-bench", dependencies: ["Encoders", "VectorMath"], path: "Benchmarks/encoder-bench"),
        .executableTarget(name: "search-bench", dependencies: ["Workbench", "Embeddings", "Encoders"], path: "Benchmarks/search-bench"),
        .testTarget(name: "VectorMathTests", dependencies: ["VectorMath"]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "VectorMath"], exclude: ["Fixtures"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "Rendering", "Embeddings", "CLIP"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Workbench", "Embeddings", "embedlab"], exclude: ["Fixtures"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Workbench", "Lessons", "Embeddings", "embedlab"]),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers"]),
        .testTarget(name: "EncodersTests", dependencies: ["Encoders", "Embeddings", "VectorMath"], exclude: ["Fixtures"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Embeddings", "Tokenizers", "VectorMath"]),
        .testTarget(name: "CLIPTests", dependencies: ["CLIP", "VectorMath"]),
        .testTarget(name: "IndexTests", dependencies: ["Index", "VectorMath"]),
        .testTarget(name: "GloVeTests", dependencies: ["GloVe", "Embeddings", "VectorMath"]),
        .testTarget(name: "Word2VecTests", dependencies: ["Word2Vec", "GloVe", "Embeddings", "VectorMath"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Workbench", "Embeddings", "Lessons", "FileAccess", "VectorMath"], exclude: ["Golden"]),
    ]
)


// Fuzzing: libFuzzer targets (Fuzz/), which have no main of their own (libFuzzer's drives them),
// so they exist only in the build scripts/fuzz.sh makes: EMBEDLAB_FUZZ=1 and --sanitize fuzzer.
if Context.environment["EMBEDLAB_FUZZ"] == "1" {
    package.targets += [
        .executableTarget(name: "fuzz-models", dependencies: ["Embeddings"], path: "Fuzz/fuzz-models"),
        .executableTarget(name: "fuzz-documents", dependencies: ["Lessons", "FileAccess"], path: "Fuzz/fuzz-documents"),
        .target(name: "FuzzSupport", dependencies: ["Embeddings", "FileAccess"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "fuzz-commands", dependencies: ["FuzzSupport", "Workbench", "Rendering", "Embeddings", "FileAccess"], path: "Fuzz/fuzz-commands"),
        .executableTarget(name: "fuzz-notebooks", dependencies: ["FuzzSupport", "Lessons", "Workbench", "FileAccess"], path: "Fuzz/fuzz-notebooks"),
        .executableTarget(name: "fuzz-grader", dependencies: ["FuzzSupport", "Lessons", "FileAccess"], path: "Fuzz/fuzz-grader"),
    ]
}

// x86-64: VectorMath's SIMD kernels are written for AVX2 with fused multiply-add (and F16C for float16 rows);
// without these flags SIMD8<Float>.addProduct compiles to one fmaf call per lane. Every Swift target gets the
// same flags so that SIMD values cross module boundaries (and @inlinable kernels) with one instruction set.
#if arch(x86_64)
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-mf16c"])]
}
#endif

// The numeric core and the transformer encoder are optimised in debug builds too: `swift test` runs sentence
// vectors through a real forward pass (about 20 MFLOP a token), which takes seconds per sentence at -Onone.
for target in package.targets where ["VectorMath", "Encoders"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-O"], .when(configuration: .debug))]
}
