import FileAccess
import Foundation

/// A CLIP model on disk (`vectors/pictures.clip`):
///
///     bytes 0–7     "EMBCLIP1"
///     bytes 8–11    n, the length of the header (UInt32, little-endian)
///     n bytes       the header, JSON: configuration, vocabulary, world, settings, evaluation
///     the rest      the parameters, float32 little-endian, exactly `configuration.layout.count` of them
///
/// Reading checks everything before trusting it: the magic, the header's length and fields, sizes
/// that fit the picture world and stay small (at most 64 M parameters), the vocabulary's length,
/// the file's exact length, every float finite. A bad file is one `CLIPModelFile.Error` line
/// naming the file and what is wrong, never a trap.
public enum CLIPModelFile {
    static let magic = Array("EMBCLIP1".utf8)
    static let maxParameters = 64 << 20

    public struct Error: Swift.Error, CustomStringConvertible {
        public let description: String
    }

    struct Header: Codable {
        var format: Int
        var configuration: CLIPConfiguration
        var vocabulary: [String]
        var world: PictureWorld.Description
        var settings: CLIPHyperparameters?
        var evaluation: CLIPEvaluation?
    }

    /// What a model file holds besides the weights: how it was trained and what it scored.
    public struct Contents: Sendable {
        public var model: CLIPModel
        public var settings: CLIPHyperparameters?
        public var evaluation: CLIPEvaluation?
    }

    public static func bytes(_ model: CLIPModel, evaluation: CLIPEvaluation?, settings: CLIPHyperparameters?) throws -> [UInt8] {
        let header = Header(format: 1, configuration: model.configuration, vocabulary: model.vocabulary.words, world: model.world,
                            settings: settings, evaluation: evaluation)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array(try encoder.encode(header))
        var out = magic
        let n = UInt32(json.count)
        out += [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)]
        out += json
        out.reserveCapacity(out.count + model.parameters.count * 4)
        for x in model.parameters {
            let b = x.bitPattern.littleEndian
            out += [UInt8(b & 0xFF), UInt8(b >> 8 & 0xFF), UInt8(b >> 16 & 0xFF), UInt8(b >> 24)]
        }
        return out
    }

    public static func write(_ model: CLIPModel, evaluation: CLIPEvaluation?, settings: CLIPHyperparameters?, to path: String) throws {
        try SafeWrite.replace(path, with: bytes(model, evaluation: evaluation, settings: settings))
    }

    public static func read(path: String) throws -> Contents {
        let file = try InputFile.open(path, maxBytes: 16 + (1 << 20) + maxParameters * 4, what: "model")
        return try read(bytes: try file.readAll(), path: path)
    }

    public static func read(bytes: [UInt8], path: String) throws -> Contents {
        func fail(_ what: String) -> Error { Error(description: "\(path): \(what); rebuild it with scripts/build-pictures-model.sh or train clip again") }
        guard bytes.count >= 12, Array(bytes[0..<8]) == magic else { throw fail("not a CLIP model file (it does not start with EMBCLIP1)") }
        let n = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        guard n > 0, n <= 1 << 20, 12 + n <= bytes.count else { throw fail("its header length \(n) does not fit the file's \(bytes.count) bytes") }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[12..<12 + n])) } catch {
            throw fail("its header is not the JSON of a CLIP model")
        }
        guard header.format == 1 else { throw fail("format \(header.format) is not one this EmbedLab reads (1)") }
        let c = header.configuration
        guard c.pixels == PictureWorld.inputCount else { throw fail("it reads \(c.pixels) values a picture, not the picture world's \(PictureWorld.inputCount)") }
        for (name, value) in [("hidden", c.hidden), ("wordDimensions", c.wordDimensions), ("dimensions", c.dimensions), ("vocabulary", c.vocabulary)] {
            guard value >= 1, value <= 1 << 16 else { throw fail("its \(name) is \(value), outside 1…65536") }
        }
        guard header.vocabulary.count == c.vocabulary, Set(header.vocabulary).count == c.vocabulary else {
            throw fail("it lists \(header.vocabulary.count) words (some twice?) for a vocabulary of \(c.vocabulary)")
        }
        let count = c.layout.count
        guard count <= maxParameters else { throw fail("it declares \(count) parameters, more than \(maxParameters)") }
        guard bytes.count == 12 + n + count * 4 else {
            throw fail("it has \(bytes.count) bytes, but its header declares \(12 + n + count * 4) (\(count) parameters)")
        }
        var parameters = [Float](repeating: 0, count: count)
        var offset = 12 + n
        for i in 0..<count {
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            let x = Float(bitPattern: bits)
            guard x.isFinite else { throw fail("parameter \(i) (byte \(offset)) is not a finite number") }
            parameters[i] = x
            offset += 4
        }
        let model = CLIPModel(configuration: c, vocabulary: CaptionVocabulary(words: header.vocabulary), world: header.world, parameters: parameters)
        return Contents(model: model, settings: header.settings, evaluation: header.evaluation)
    }
}
