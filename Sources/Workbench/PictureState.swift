import CLIP
import Foundation
import VectorMath

/// The session's picture model: the one `train clip` made, else the bundled `pictures` model
/// (`vectors/pictures.clip`, read on first use), with the gallery's vectors computed once.
public final class PictureState: @unchecked Sendable {
    public static let bundledName = "pictures"
    /// Pictures `picture N` can show and `search pictures` ranks: 1…galleryCount.
    public static let galleryCount = 200

    public private(set) var model: CLIPModel?
    public private(set) var name: String?
    private var galleryVectors: Matrix?

    public init() {}

    public func adopt(_ model: CLIPModel, name: String) {
        self.model = model
        self.name = name
        galleryVectors = nil
    }

    /// The model in use, reading the bundled one when none was trained.
    func current(_ session: Session) throws -> CLIPModel {
        if let model { return model }
        for dir in session.catalog.directories {
            let path = (dir as NSString).appendingPathComponent("\(Self.bundledName).clip")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                let contents = try CLIPModelFile.read(path: path)
                adopt(contents.model, name: Self.bundledName)
                return contents.model
            } catch {
                throw WorkbenchError("\(error)")
            }
        }
        throw WorkbenchError(session.language.text(.picturesNoModel))
    }

    /// Gallery picture `n` (1-based).
    func picture(_ n: Int, _ model: CLIPModel) -> Picture { model.pictureWorld.galleryPicture(n - 1) }

    func gallery(_ model: CLIPModel) -> Matrix {
        if let galleryVectors { return galleryVectors }
        let pictures = (1...Self.galleryCount).map { picture($0, model) }
        let m = model.embed(pictures: pictures, threads: Parallelism.cores)
        galleryVectors = m
        return m
    }
}
