import Workbench

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
        // Colours by category: the ten of a categorical palette, in the order categories first appear.
        var order: [String] = []
        for c in page.categories ?? [] where !order.contains(c) { order.append(c) }
        let palette = ["#3b7dd8", "#e07b24", "#2e9e4f", "#c9352b", "#8a5cc7", "#8c564b", "#d45fb0", "#7f7f7f", "#a8a82a", "#1fa8b8"]
        let colour = { (c: String) in order.firstIndex(of: c).map { palette[$0 % palette.count] } ?? palette[0] }
        let fills = page.categories.map { $0.map(colour) }
        func map(_ plot: ScatterPlot) -> String {
            ScatterSVG.render(plot, maxWidth: 880, maxHeight: 620, declutter: true, fills: fills) { i in
                let near = page.neighbours[i]
                return [("data-i", String(i)),
                        ("data-near", near.map { String($0.index) }.joined(separator: " ")),
                        ("data-cos", near.map { String(format: "%.3f", $0.score) }.joined(separator: " "))]
                    + (page.categories.map { [("data-category", $0[i])] } ?? [])
            }
        }
        let k = page.neighbours.first?.count ?? 0
        var body = "<header><h1>\(esc(page.title))</h1>"
        body += "<p class=\"subtitle\">Each word at its first two principal components" + (page.tsne == nil ? "" : " (PCA: distances as far as two directions keep them) or placed by t-SNE (neighbourhoods kept, distances not)")
        body += ". Type a word: it and its \(k) nearest neighbours (by cosine in all the model's dimensions, not in this picture's two) light up. "
        body += "Labels that would cover others show when you point at their dot.</p></header>\n"
        body += "<div class=\"search\"><label for=\"q\">word </label><input id=\"q\" type=\"search\" list=\"words\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"\(esc(page.words.first ?? ""))\"/>"
        if page.tsne != nil {
            body += " <span class=\"views\" role=\"radiogroup\"><label><input type=\"radio\" name=\"view\" value=\"pca\" checked=\"checked\"/> PCA</label>"
            body += "<label><input type=\"radio\" name=\"view\" value=\"tsne\"/> t-SNE</label></span>"
        }
        body += " <span id=\"status\" role=\"status\"></span></div>\n"
        body += "<datalist id=\"words\">" + page.words.map { "<option value=\"\(esc($0))\"></option>" }.joined() + "</datalist>\n"
        body += "<div class=\"projector\"><div class=\"maps\"><figure class=\"map\" data-view=\"pca\">\(map(page.plot))</figure>"
        if let tsne = page.tsne { body += "<figure class=\"map\" data-view=\"tsne\" hidden=\"hidden\">\(map(tsne))</figure>" }
        body += "</div><aside>"
        if let name = page.categoryName, !order.isEmpty {
            body += "<h2>\(esc(name))</h2><ul class=\"legend\">" + order.map { "<li><span class=\"swatch\" style=\"background:\(colour($0))\"></span>\(esc($0.isEmpty ? "(none)" : $0))</li>" }.joined() + "</ul>"
        }
        body += "<h2>nearest</h2><ol id=\"neighbours\"></ol><p class=\"hint\">In the picture, far apart means different; close in "
        body += "the picture does not always mean close in the model (two dimensions cannot keep every distance).</p>"
        body += "<p class=\"hint\">The search knows the model's \(page.searchable) most frequent words: a word not on the page lights up its nearest words that are. "
        body += "For another word, add it: <code>embedlab projector \(esc(page.modelName)) WORDS… --html PAGE.html</code> or a larger <code>--search-top N</code>.</p></aside></div>\n"
        if !page.missing.isEmpty {
            body += "<p class=\"missing\">Not in \(esc(page.modelName)): \(esc(page.missing.joined(separator: ", ")))</p>\n"
        }
        body += "<noscript><p>The search needs JavaScript; the picture above does not.</p></noscript>\n"
        body += "<footer>Written by EmbedLab from \(esc(page.modelName)). For the full Projector (projector.tensorflow.org, 3-D, UMAP), load "
        body += tsv.map { "<code>\(esc($0.vectors))</code> and <code>\(esc($0.metadata))</code>, written beside this page." }
            ?? "the words' vectors.tsv and metadata.tsv (embedlab projector writes them)."
        body += "</footer>"
        // The off-page words' neighbours as data for the script: {"word": [[index, cos], …]}.
        var data = "{"
        for (n, entry) in page.offPage.enumerated() {
            data += (n == 0 ? "" : ",") + jsString(entry.word) + ":[" + entry.near.map { "[\($0.index),\(String(format: "%.3f", $0.score))]" }.joined(separator: ",") + "]"
        }
        data += "}"
        return NotebookPageHTML.document(title: page.title, language: "en", style: PageStyle.css + "\n" + css, body: body,
                                         script: "var offPage = \(data);\n" + script)
    }

    /// A string as a JavaScript literal that is also safe inside CDATA and a script element.
    static func jsString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<", ">", "&", "]": out += String(format: "\\u%04x", u.value)
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static let css = """
    body { max-width: 78rem; }
    .search { margin: 0 0 1rem; font-size: 1.1rem; }
    .search input[type=search] { font: inherit; padding: .3rem .5rem; width: 16rem; border: 1px solid var(--rule); border-radius: 4px;
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
    g.point text.crowded { display: none; }
    g.point:hover text.crowded, g.point.hit text.crowded, g.point.near text.crowded { display: inline; }
    .maps { flex: 1 1 36rem; }
    .views label { margin-left: .75rem; }
    .legend { list-style: none; padding: 0; margin: 0 0 1rem; }
    .legend .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .4rem; vertical-align: -.05rem; }
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
      var maps = Array.prototype.slice.call(document.querySelectorAll('figure.map'));
      // Each view (PCA, t-SNE) has its own copy of every point, in the same order.
      var views = maps.map(function (m) { return Array.prototype.slice.call(m.querySelectorAll('g.point')); });
      var points = views[0];
      var exact = {}, folded = {};
      points.forEach(function (g, i) {
        var w = g.getAttribute('data-word');
        exact[w] = i;
        if (!(w.toLowerCase() in folded)) { folded[w.toLowerCase()] = i; }
      });
      function clear() {
        views.forEach(function (v) { v.forEach(function (g) { g.classList.remove('hit'); g.classList.remove('near'); }); });
        document.body.classList.remove('searching');
        list.textContent = '';
        status.textContent = '';
      }
      function light(index, kind) {
        views.forEach(function (v) { var g = v[index]; g.classList.add(kind); g.parentNode.appendChild(g); });
      }
      function item(word, cos) {
        var li = document.createElement('li');
        li.textContent = word;
        var score = document.createElement('span');
        score.className = 'cos';
        score.textContent = cos;
        li.appendChild(score);
        list.appendChild(li);
      }
      function show(query) {
        clear();
        if (query === '') { return; }
        var i = exact[query];
        if (i === undefined) { i = folded[query.toLowerCase()]; }
        if (i === undefined) {
          var off = offPage[query] || offPage[query.toLowerCase()];
          if (!off) { status.textContent = query + ' is not among the words this page knows (see the note at the side)'; return; }
          document.body.classList.add('searching');
          off.forEach(function (pair) { light(pair[0], 'near'); item(points[pair[0]].getAttribute('data-word'), pair[1].toFixed(3)); });
          status.textContent = query + ' is not drawn here; its ' + off.length + ' nearest words on the page are lit';
          return;
        }
        document.body.classList.add('searching');
        var g = points[i];
        var near = g.getAttribute('data-near').split(' ');
        var cos = g.getAttribute('data-cos').split(' ');
        near.forEach(function (j, r) { light(Number(j), 'near'); item(points[Number(j)].getAttribute('data-word'), cos[r]); });
        light(i, 'hit');
        status.textContent = g.getAttribute('data-word') + ': ' + near.length + ' nearest shown';
      }
      box.addEventListener('input', function () { show(box.value.trim()); });
      Array.prototype.slice.call(document.querySelectorAll('input[name=view]')).forEach(function (radio) {
        radio.addEventListener('change', function () {
          maps.forEach(function (m) { m.hidden = m.getAttribute('data-view') !== radio.value; });
        });
      });
      var params = new URLSearchParams(window.location.search);
      var view = params.get('view');
      if (view) {
        var radio = document.querySelector('input[name=view][value="' + (view === 'tsne' ? 'tsne' : 'pca') + '"]');
        if (radio) { radio.checked = true; radio.dispatchEvent(new Event('change')); }
      }
      var q = params.get('q');
      if (q) { box.value = q; box.dispatchEvent(new Event('input')); }
    })();
    """

    static func esc(_ s: String) -> String { SVGCanvas.escape(s) }
}
