/// The one style sheet of EmbedLab's pages, inlined into each: system fonts with CJK fallbacks,
/// light and dark colours (`prefers-color-scheme`), and a print style (black on white, cells not
/// split across pages). It holds no `<` or `&`, so a page stays well-formed XML.
enum PageStyle {
    static let css = """
    :root { color-scheme: light dark; --ink: #1d1d1f; --paper: #ffffff; --muted: #6b6b70; --rule: #d9d9de;
      --code: #f4f4f6; --accent: #3b7dd8; --error: #b3261e; --hit: #f2b705; }
    @media (prefers-color-scheme: dark) {
      :root { --ink: #e8e8ea; --paper: #17171a; --muted: #a0a0a8; --rule: #3a3a40; --code: #232328; --accent: #7fb0ff; --error: #ff8a80; }
    }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.25rem 4rem; background: var(--paper); color: var(--ink);
      font: 16px/1.6 system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial,
        'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif; }
    header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; }
    h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
    .subtitle { color: var(--muted); margin: 0 0 1rem; }
    h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
    h3, h4, h5, h6 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
    code, pre, .input { font-family: ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', Menlo, Consolas, monospace; }
    code { background: var(--code); padding: 0 .25em; border-radius: 3px; }
    .prose { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
    .prose > div > :first-child { margin-top: 0; }
    .lang-label { display: block; font-size: .75rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
    .cell { margin: 1rem 0 1.5rem; border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; break-inside: avoid; }
    .input { background: var(--code); padding: .5rem .75rem; border-bottom: 1px solid var(--rule); white-space: pre-wrap; }
    .prompt { color: var(--accent); user-select: none; }
    .output { padding: .5rem .75rem; overflow-x: auto; }
    .output pre { margin: 0; white-space: pre; font-size: .85rem; line-height: 1.35; }
    .output.error pre { color: var(--error); }
    .output svg { display: block; max-width: 100%; height: auto; }
    .answer { margin: 1rem 0 1.5rem; border: 1px dashed var(--rule); border-radius: 6px; padding: .5rem .75rem; break-inside: avoid; }
    .answer-label { margin: 0 0 .25rem; color: var(--muted); font-size: .9rem; }
    .answer-line { height: 2rem; border-bottom: 1px solid var(--rule); }
    .solution-label { font-size: .75rem; letter-spacing: .06em; text-transform: uppercase; color: var(--accent); margin: 0; }
    details { margin-top: .5rem; color: var(--muted); }
    details pre { color: var(--ink); }
    footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: .5rem; }
    @media print {
      :root { --ink: #000000; --paper: #ffffff; --muted: #444444; --rule: #bbbbbb; --code: #f2f2f2; }
      body { max-width: none; padding: 0; font-size: 11pt; }
      .cell, figure { break-inside: avoid; }
      details { display: none; }
    }
    """
}
