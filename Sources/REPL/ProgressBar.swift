import Foundation
import Rendering
import Workbench

/// Draws a running command's `WorkProgress` on one terminal line, redrawn in place with `\r`:
///
///     GloVe on small-world  ██████████▌           44%  epoch 18/40, cost 0.0061  █▅▃▂▂▁▁
///
/// the title, a bar, the percentage, the detail, and a sparkline of the series (the cost of
/// every finished epoch). Updates may come from any thread; redraws are limited to about 25 a
/// second, except when an epoch finishes. `finish()` clears the line, so that the command's
/// result prints where the bar was. While the bar is up the terminal does not echo what is typed
/// (`echo`): typed-ahead text waits for the next prompt instead of being drawn over.
///
/// The REPL sets it up around each evaluation, on a terminal:
///
/// ```swift
/// let bar = ProgressBar(style: style, write: { ReplLoop.write($0, to: 1) })
/// session.onProgress = bar.report   // … and bar.finish() when the command returns
/// ```
public final class ProgressBar: @unchecked Sendable {
    private let style: Style
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var lastDraw: ContinuousClock.Instant?
    private var lastSeriesCount = 0
    private var drawn = false
    private let clock = ContinuousClock()
    /// The shortest time between two redraws.
    static let interval: Duration = .milliseconds(40)

    /// Hides (false) and shows again (true) the terminal's echo of what is typed: what a learner
    /// types while the bar is drawn would be echoed onto the bar's line and erased by its next
    /// redraw; hidden, it stays queued and appears at the next prompt.
    private let echo: (@Sendable (Bool) -> Void)?

    public init(style: Style, write: @escaping @Sendable (String) -> Void, echo: (@Sendable (Bool) -> Void)? = nil) {
        self.style = style
        self.write = write
        self.echo = echo
    }

    /// `update` as a closure, for `Session.onProgress`.
    public var report: @Sendable (WorkProgress) -> Void { { [self] in update($0) } }

    public func update(_ p: WorkProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now
        let newEpoch = p.series.count != lastSeriesCount
        if let last = lastDraw, now - last < Self.interval, !newEpoch, p.fraction < 1 { return }
        lastDraw = now
        lastSeriesCount = p.series.count
        if !drawn { echo?(false) }
        drawn = true
        write("\r\u{1B}[2K" + Self.line(p, style: style))
    }

    /// Clears the bar's line (if it was drawn).
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn {
            write("\r\u{1B}[2K")
            echo?(true)
        }
        drawn = false
        lastDraw = nil
        lastSeriesCount = 0
    }

    /// The bar's text, at most `style.width - 1` columns (so the terminal never wraps it): the
    /// bar is 10 to 30 cells wide; when even 10 do not fit, the sparkline goes first, then the
    /// detail is shortened.
    public static func line(_ p: WorkProgress, style: Style) -> String {
        let room = style.width - 1
        let fraction: Double = max(0, min(1, p.fraction.isFinite ? p.fraction : 0))
        let percent: String = DisplayWidth.pad("\(Int((fraction * 100).rounded(.down)))%", to: 4, right: true)
        let title: String = DisplayWidth.truncate(p.title, to: max(8, room / 3))
        var detail: String = p.detail
        var spark: String = p.series.isEmpty ? "" : Bars.sparkline(Array(p.series.suffix(16)))
        let brackets = style.color ? 0 : 2
        func others() -> Int {
            var n = DisplayWidth.of(title) + 2 + brackets + 1 + 4
            if !detail.isEmpty { n += 2 + DisplayWidth.of(detail) }
            if !spark.isEmpty { n += 2 + DisplayWidth.of(spark) }
            return n
        }
        if room - others() < 10 { spark = "" }
        if room - others() < 10 { detail = DisplayWidth.truncate(detail, to: max(1, DisplayWidth.of(detail) - (10 - (room - others())))) }
        let barWidth: Int = max(4, min(30, room - others()))
        let bar: String = Bars.bar(fraction, width: barWidth)
        var text: String = title + "  "
        text += style.color ? "\u{1B}[32m" + bar + "\u{1B}[0m" : "[" + bar + "]"
        text += " " + percent
        if !detail.isEmpty { text += "  " + detail }
        if !spark.isEmpty {
            text += "  "
            text += style.color ? "\u{1B}[36m" + spark + "\u{1B}[0m" : spark
        }
        return text
    }
}
