/// `embedlab-bench COMMAND --name value ...`: the few options scripts/bench.sh passes.
struct Arguments {
    let command: String
    private var options: [String: String] = [:]

    init(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-") else { throw BenchError.usage }
        command = first
        var rest = arguments.dropFirst()
        while let name = rest.popFirst() {
            guard name.hasPrefix("--"), let value = rest.popFirst() else {
                throw BenchError.message("expected '--option value', got '\(name)'")
            }
            options[String(name.dropFirst(2))] = value
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = options[name] else { throw BenchError.message("missing --\(name)") }
        return value
    }

    func int(_ name: String, default fallback: Int? = nil) throws -> Int {
        guard let text = options[name] else {
            if let fallback { return fallback }
            throw BenchError.message("missing --\(name)")
        }
        guard let value = Int(text) else { throw BenchError.message("--\(name) takes a whole number, got '\(text)'") }
        return value
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage
    case message(String)

    var description: String {
        switch self {
        case .usage:
            return """
            usage: embedlab-bench prepare --model FILE.embv --large FILE.f32 --large-rows N --data DIR [--queries N] [--seed S]
                   embedlab-bench run --model FILE.embv --data DIR --questions FILE [--restrict N] [--warmup N]
            Run by scripts/bench.sh, which prepares the data, runs the numpy/gensim peer and hyperfine, then `run`.
            """
        case .message(let text): return text
        }
    }
}
