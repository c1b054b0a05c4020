/// EmbedLab's version, in one place: `embedlab --version` prints it.
enum Version {
    static let number = "0.11.0"
}
