/// A `ProjectorPage` as one HTML file: the words as an SVG scatter plot and a search box. Typing a
/// word highlights it and its nearest neighbours and lists them with their cosines. The
/// neighbours were computed by EmbedLab and sit on each point (`data-near`, `data-cos`), so the
/// script only looks them up: no vectors on the page, nothing fetched. `?q=word` in the address
/// searches on opening (a link can point at a word). Without scripts the picture still shows.
///
///     <g class="point" data-word="queen" data-near="3 0 7" data-cos="0.78 0.69 0.61">…</g>
public enum ProjectorPageHTML {
    /// `tsv` names the Projector files written beside the page, for its footer.
    public static func render(_ page: ProjectorPage, tsv: (vectors: String, metadata: String)? = nil) -> String {
        let svg = ScatterSVG.render(page.plot, maxWidth: 880, maxHeight: 620) { i in
            let near = page.neighbours[i]
            return [("data-i", String(i)),
                    ("data-near", near.map { String($0.index) }.joined(separator: " ")),
                    ("data-cos", near.map { String(format: "%.3f", $0.score) }.joined(separator: " "))]
        }
        let k = page.neighbours.first?.count ?? 0
        var body = "<header><h1>\(esc(page.title))</h1>"
        body += "<p class=\"subtitle\">Each word at its first two principal components. Type a word: it and its \(k) nearest neighbours "
        body += "(by cosine in all the model's dimensions, not in this picture's two) light up.</p></header>\n"
        body += "<div class=\"search\"><label for=\"q\">word </label><input id=\"q\" type=\"search\" list=\"words\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"\(esc(page.words.first ?? ""))\"/>"
        body += " <span id=\"status\" role=\"status\"></span></div>\n"
        body += "<datalist id=\"words\">" + page.words.map { "<option value=\"\(esc($0))\"></option>" }.joined() + "</datalist>\n"
        body += "<div class=\"projector\"><figure class=\"map\">\(svg)</figure>"
        body += "<aside><h2>nearest</h2><ol id=\"neighbours\"></ol><p class=\"hint\">In the picture, far apart means different; close in "
        body += "the picture does not always mean close in the model (two dimensions cannot keep every distance).</p></aside></div>\n"
        if !page.missing.isEmpty {
            body += "<p class=\"missing\">Not in \(esc(page.modelName)): \(esc(page.missing.joined(separator: ", ")))</p>\n"
        }
        body += "<noscript><p>The search needs JavaScript; the picture above does not.</p></noscript>\n"
        body += "<footer>Written by EmbedLab from \(esc(page.modelName)). For the full Projector (projector.tensorflow.org, 3-D, t-SNE, UMAP), load "
        body += tsv.map { "<code>\(esc($0.vectors))</code> and <code>\(esc($0.metadata))</code>, written beside this page." }
            ?? "the words' vectors.tsv and metadata.tsv (embedlab projector writes them)."
        body += "</footer>"
        return NotebookPageHTML.document(title: page.title, language: "en", style: PageStyle.css + "\n" + css, body: body, script: script)
    }

    static let css = """
    body { max-width: 78rem; }
    .search { margin: 0 0 1rem; font-size: 1.1rem; }
    .search input { font: inherit; padding: .3rem .5rem; width: 16rem; border: 1px solid var(--rule); border-radius: 4px;
      background: var(--paper); color: var(--ink); }
    #status { color: var(--muted); margin-left: .5rem; }
    .projector { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
    .map { margin: 0; flex: 1 1 36rem; }
    .map svg { max-width: 100%; height: auto; }
    aside { flex: 0 1 16rem; }
    aside h2 { margin-top: 0; font-size: 1.1rem; }
    #neighbours { padding-left: 1.5rem; margin: 0; }
    #neighbours .cos { color: var(--muted); font-variant-numeric: tabular-nums; margin-left: .5rem; }
    .hint { color: var(--muted); font-size: .85rem; }
    g.point text { font-size: 9px; fill-opacity: .75; }
    g.point circle { fill-opacity: .8; }
    body.searching g.point { opacity: .18; }
    body.searching g.point.hit, body.searching g.point.near { opacity: 1; }
    g.point.hit circle { fill: var(--hit); r: 7px; stroke: var(--ink); stroke-width: 1px; }
    g.point.hit text { font-size: 15px; font-weight: bold; fill-opacity: 1; }
    g.point.near circle { fill: #e07b24; r: 5.5px; }
    g.point.near text { font-size: 12px; fill-opacity: 1; }
    """

    /// Finds the word (exactly, else ignoring case), marks it `hit` and its neighbours `near`,
    /// lists them, and brings them to the front of the picture.
    static let script = """
    (function () {
      var box = document.getElementById('q');
      var list = document.getElementById('neighbours');
      var status = document.getElementById('status');
      var points = Array.prototype.slice.call(document.querySelectorAll('g.point'));
      var exact = {}, folded = {};
      points.forEach(function (g) {
        var w = g.getAttribute('data-word');
        exact[w] = g;
        if (!(w.toLowerCase() in folded)) { folded[w.toLowerCase()] = g; }
      });
      function show(query) {
        points.forEach(function (g) { g.classList.remove('hit'); g.classList.remove('near'); });
        document.body.classList.remove('searching');
        list.textContent = '';
        status.textContent = '';
        if (query === '') { return; }
        var g = exact[query] || folded[query.toLowerCase()];
        if (!g) { status.textContent = query + ' is not on this page'; return; }
        document.body.classList.add('searching');
        g.classList.add('hit');
        var near = g.getAttribute('data-near').split(' ');
        var cos = g.getAttribute('data-cos').split(' ');
        near.forEach(function (i, r) {
          var h = points[Number(i)];
          h.classList.add('near');
          h.parentNode.appendChild(h);
          var item = document.createElement('li');
          item.textContent = h.getAttribute('data-word');
          var score = document.createElement('span');
          score.className = 'cos';
          score.textContent = cos[r];
          item.appendChild(score);
          list.appendChild(item);
        });
        g.parentNode.appendChild(g);
        status.textContent = g.getAttribute('data-word') + ': ' + near.length + ' nearest shown';
      }
      box.addEventListener('input', function () { show(box.value.trim()); });
      var q = new URLSearchParams(window.location.search).get('q');
      if (q) { box.value = q; box.dispatchEvent(new Event('input')); }
    })();
    """

    static func esc(_ s: String) -> String { SVGCanvas.escape(s) }
}
