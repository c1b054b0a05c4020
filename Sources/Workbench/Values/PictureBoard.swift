/// Pictures to show with a table: `picture 3`, `draw "…"`, `search pictures "…"`, `caption
/// picture 3`, `classify picture 3 as …`, and the pictures × captions heat map. The table's rows
/// stay the gradable part (a check reads "picture 17" or "circle" in the first column); the board
/// holds what a renderer draws: each picture's pixels (32 × 32 RGB, 0–255) and what it shows.
public struct PictureBoard: Equatable, Sendable, Codable {
    public struct Item: Equatable, Sendable, Codable {
        /// "picture 3", or "drawn" for `draw`.
        public var label: String
        /// What the picture really shows, in the learner's language ("a large red circle on the left").
        public var description: String
        /// side × side × 3 bytes, row-major.
        public var rgb: [UInt8]
        /// Its score against the query, when it was ranked.
        public var score: Double?
        /// Whether its colour–shape pair was held out of training.
        public var heldOut: Bool
        public init(label: String, description: String, rgb: [UInt8], score: Double? = nil, heldOut: Bool = false) {
            self.label = label; self.description = description; self.rgb = rgb; self.score = score; self.heldOut = heldOut
        }
    }

    /// Cosines of each picture (row) with each caption (column): CLIP's figure of the batch.
    public struct Grid: Equatable, Sendable, Codable {
        public var captions: [String]
        public var values: [[Double]]
        public init(captions: [String], values: [[Double]]) { self.captions = captions; self.values = values }
    }

    public var side: Int
    public var items: [Item]
    public var grid: Grid?
    public init(side: Int = 32, items: [Item], grid: Grid? = nil) { self.side = side; self.items = items; self.grid = grid }
}
