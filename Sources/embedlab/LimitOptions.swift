import ArgumentParser
import Foundation
import Workbench

/// `--time-limit` and `--memory-limit`: the limits every line of an untrusted document runs under
/// (`run`, `check`, `demo`, `export`, `--lesson`, `lesson lint`, `lesson grade`, `lesson autograde`;
/// see `CellLimits`). Negative values are read as values, so that `--time-limit -1` is refused by
/// name and range rather than as a missing value.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: .l("Seconds one line may run before it is stopped (0: no limit; 0–86400).", zh: "每一行最多运行的秒数，超时即停止（0：不设上限；0–86400）。", suffixed: true))
    var timeLimit: Double = CellLimits.documentDefault.seconds ?? 0

    @Option(name: .customLong("memory-limit"), parsing: .unconditional,
            help: .l("Megabytes of memory one line may add before it is stopped; training estimated over it is refused before it starts (0: no limit).", zh: "每一行最多可多用的内存（MB），超过即停止；估计超过它的训练在开始前就被拒绝（0：不设上限）。", suffixed: true))
    var memoryLimit: Int = (CellLimits.documentDefault.memoryBytes ?? 0) >> 20

    func validate() throws {
        guard timeLimit.isFinite, (0...86_400).contains(timeLimit) else {
            throw ValidationError("--time-limit takes seconds from 0 to 86400 (0: no limit), not \(timeLimit.isFinite && timeLimit == timeLimit.rounded() && abs(timeLimit) < 1e15 ? String(Int(timeLimit)) : "\(timeLimit)")")
        }
        guard (0...1 << 30).contains(memoryLimit) else {
            throw ValidationError("--memory-limit takes megabytes from 0 (no limit) to \(1 << 30), not \(memoryLimit)")
        }
    }

    var limits: CellLimits {
        CellLimits(seconds: timeLimit > 0 ? timeLimit : nil, memoryBytes: memoryLimit > 0 ? memoryLimit << 20 : nil)
    }

    /// Every session made from now on runs its lines under these limits; a line that does not stop
    /// when asked (within `CellLimits.grace`) ends the run: one line on standard error, exit 1.
    func install() {
        CellLimits.processDefault = limits
        CellLimits.onOverrun = { message in
            Environment.warn("error: \(message); it did not stop within \(Int(CellLimits.grace)) s of being asked, so the run ends here")
            fflush(nil)
            _exit(1)
        }
    }
}
