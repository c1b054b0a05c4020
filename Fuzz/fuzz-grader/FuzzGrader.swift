import FileAccess
import Foundation
import FuzzSupport
import Lessons

/// libFuzzer target: the grader's input side (what `embedlab lesson grade --answers FOLDER`
/// runs) over a folder of answers built from the input, special files included: FIFOs, links
/// to /dev/zero, to a file outside the folder and to another learner's file, a folder named
/// `x.txt`, binary junk, names that are not UTF-8, an over-long line, an unreadable file.
/// Grading must never trap or hang, and gives one result per answers file, named for its learner.
///
/// The input is split at NUL bytes into up to 6 entries; an entry's first byte picks its kind
/// (low 4 bits) and whether its name ends in `.txt` (bit 4 clear); its bytes up to the first
/// 0x01 are the name (anything but `/`), the rest its content. Lesson: lessons/00 on the toy model.
private let lesson = try! LessonCatalog.read(path: FuzzSupport.root + "/lessons/00-using-embedlab.md")
private let grader = LessonGrader(catalog: FuzzSupport.catalog, secondsPerAnswer: 2)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGrader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let scratch = FuzzSupport.makeScratch("grader")
    defer { FuzzSupport.removeScratch(scratch) }
    let answers = scratch + "/answers"
    mkdir(answers, 0o700)
    let outside = scratch + "/outside.txt"
    FileManager.default.createFile(atPath: outside, contents: Data("secret: king - man + woman\n".utf8))

    var made: [[UInt8]] = []   // the names created in the answers folder
    for entry in UnsafeBufferPointer(start: data, count: size).split(separator: 0).prefix(6) {
        let kind = entry.first! & 0x0F
        let isAnswers = entry.first! & 0x10 == 0
        let rest = entry.dropFirst()
        let nameEnd = rest.firstIndex(of: 1) ?? rest.endIndex
        var name = rest[..<nameEnd].prefix(60).map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 }
        if name.isEmpty { name = Array("learner".utf8) }
        if isAnswers { name += Array(".txt".utf8) }
        if name == Array(".".utf8) || name == Array("..".utf8) { continue }
        let content = Array(rest[nameEnd...].dropFirst())
        let path = (answers.utf8.map { $0 } + [UInt8(ascii: "/")] + name + [0]).map { CChar(bitPattern: $0) }
        var ok: Bool
        switch kind {
        case 0, 1, 2: ok = create(path, content)                                         // plain text (three kinds: the common case)
        case 3: ok = mkfifo(path, 0o600) == 0                                           // a FIFO no one writes to
        case 4: ok = symlink("/dev/zero", path) == 0                                    // endless zeros
        case 5: ok = symlink(outside, path) == 0                                        // a file outside the folder
        case 6: ok = symlink(made.last.map { String(decoding: $0, as: UTF8.self) } ?? "missing.txt", path) == 0   // another learner's file, or nothing
        case 7: ok = mkdir(path, 0o700) == 0                                            // a folder named like an answers file
        case 8: ok = create(path, content + [0xFF, 0xFE, 0x00, 0xC3, 0x28] + content)    // binary junk, not UTF-8
        case 9: ok = create(path, Array(repeating: content.first ?? UInt8(ascii: "a"), count: 70_000) + content)   // a line over 64 KB
        case 10: ok = create(path, content) && chmod(path, 0) == 0                        // unreadable (except to root)
        case 11: ok = create(path, [0xEF, 0xBB, 0xBF] + content.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: "\r") : $0 })   // a BOM and CR line ends
        default: ok = create(path, Array(String(decoding: content, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8))
        }
        if ok { made.append(name) }
    }
    let expected = made.filter { $0.first != UInt8(ascii: ".") && $0.count > 4 && $0.suffix(4).map { $0 | 0x20 } == Array(".txt".utf8) }

    var grader = grader
    grader.excludedFolders = [answers]
    let files: [LessonGrader.AnswersFile]
    do { files = try LessonGrader.answersFiles(in: answers) } catch { fail("the answers folder is not listed: \(error)") }
    guard files.count == expected.count else { fail("\(expected.count) answers files made, \(files.count) listed: \(files.map(\.learner))") }
    for file in files {
        let (report, _) = grader.grade(lesson, answers: file)
        guard report.learner == file.learner else { fail("the result for \(file.learner) is named \(report.learner)") }
        guard report.exercises.count == lesson.steps.filter({ $0.exercise != nil }).count else {
            fail("\(file.learner)'s result has \(report.exercises.count) exercises")
        }
    }
    return 0
}

private func create(_ path: [CChar], _ bytes: [UInt8]) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
}

private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fuzz-grader: \(message)\n".utf8))
    abort()
}
