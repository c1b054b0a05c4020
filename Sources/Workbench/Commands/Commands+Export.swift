/// Pictures out of the session: `:export FILE.svg` writes the last value's picture (a plot, bars,
/// a heat map, a cost curve) for a slide. The REPL carries it out (`.host`): the workbench never
/// writes files.
extension CommandSpec {
    static let export = CommandSpec(
        ":export", arguments: .text(.file, keyword: nil, required: true), topic: .session,
        summary: Localized(en: "the last value's picture as SVG (plot, bars, heat map, cost curve), for a slide",
                           zh: "把上一个结果的图存为 SVG（散点图、条形图、热力图、损失曲线），可放进幻灯片"),
        examples: [":export plot.svg"], files: [.writes(.text)], action: .host(.export))
}
