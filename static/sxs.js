// sxs: progressive enhancement only; every page reads fine without it.
(function () {
  "use strict";
  var root = document.body.dataset.root || "";

  // The top bar's controls work only with this script, so it adds them (a
  // reader without scripts sees no dead search box or button, and every
  // view of every page is some hundred bytes lighter): the menu button
  // where there is a sidebar, the search box, the theme toggle. Their
  // words come from the language's interface script (static/ui/).
  (function addControls() {
    var bar = document.querySelector(".topbar");
    if (!bar) return;
    var words = window.SXS_UI || {};
    // Elements made by the DOM, so no word needs escaping.
    function make(tag, attrs, children) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (name) { el.setAttribute(name, attrs[name]); });
      (children || []).forEach(function (child) { el.append(child); });
      return el;
    }
    var brand = bar.querySelector(".brand");
    if (document.getElementById("sidebar")) {
      bar.prepend(make("button", { type: "button", class: "menu-toggle", "aria-controls": "sidebar", "aria-expanded": "false" },
        ["☰ ", make("span", {}, [words.menu || ""])]));
    }
    var search = make("form", { class: "search", role: "search" }, [
      make("label", { class: "visually-hidden", for: "search-input" }, [words.search || ""]),
      make("input", { id: "search-input", type: "search", placeholder: (words.search || "") + "…", autocomplete: "off" }),
      make("ol", { id: "search-results", class: "search-results", hidden: "" })
    ]);
    search.addEventListener("submit", function (e) { e.preventDefault(); });
    if (brand) brand.after(search); else bar.prepend(search);
    var label = words.toggle_theme || "";
    (bar.querySelector(".toplinks") || bar).append(
      make("button", { type: "button", class: "theme-toggle", "aria-label": label, title: label }, ["◐"]));
  })();

  // Theme toggle, remembered.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) toggle.addEventListener("click", function () {
    var dark = document.documentElement.dataset.theme === "dark" ||
      (!document.documentElement.dataset.theme && matchMedia("(prefers-color-scheme: dark)").matches);
    var next = dark ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("sxs-theme", next);
  });

  // The segments: the spans with an id in the columns and the reading text
  // (the markup gives them no class: bytes on every segment of every view),
  // not a span with an id that the content itself wrote inside one.
  var segShape = ".cell span[id], .reading span[id]";
  document.querySelectorAll(segShape).forEach(function (span) {
    if (!span.parentElement.closest(segShape)) span.classList.add("seg");
  });

  // A segment's id: its element's id, which the source column prefixes
  // with "src-" (the pages carry no second attribute for it: bytes on
  // every segment of every view).
  function segId(seg) {
    return seg.closest(".cell.source") ? seg.id.slice(4) : seg.id;
  }
  // The elements of segment `id` (both columns, any anchor of it); by
  // attribute, so an id a page repeats finds every element.
  function segsOf(id, scope) {
    var key = CSS.escape(id);
    return (scope || document).querySelectorAll('.seg[id="' + key + '"], .seg[id="src-' + key + '"]');
  }

  // Hover or focus a segment: highlight its counterpart in the other column.
  function counterpart(seg, on) {
    segsOf(segId(seg)).forEach(function (el) {
      el.classList.toggle("active", on);
    });
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var seg = e.target.closest && e.target.closest(".sxs .seg");
      if (seg) counterpart(seg, true);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var seg = e.target.closest && e.target.closest(".sxs .seg");
      if (seg) counterpart(seg, false);
    });
  });

  // Filter: only flagged rows, or the rows of one check (?check=numbers),
  // whatever its severity; the page's own findings are filtered alike.
  var only = document.getElementById("only-flagged");
  var params = new URLSearchParams(location.search);
  var check = params.get("check");
  function hasCheck(el) {
    return (el.dataset.checks || el.dataset.check || "").split(" ").indexOf(check) >= 0;
  }
  function applyFilter() {
    var on = !!(only && only.checked);
    document.querySelectorAll(".sxs .row").forEach(function (row) {
      var out = check ? !hasCheck(row) : on && !row.classList.contains("flagged");
      row.classList.toggle("filtered-out", on && out);
    });
    document.querySelectorAll(".page-findings .finding").forEach(function (f) {
      f.hidden = on && !!check && !hasCheck(f);
    });
    alignTables();
  }
  if (only) {
    if (check) only.checked = true;
    only.addEventListener("change", function () { if (!only.checked) check = null; applyFilter(); });
  }

  // j / k: next / previous row the filter shows (flagged rows without one).
  function visited() {
    var rows = document.querySelectorAll(check ? ".sxs .row:not(.filtered-out)" : ".sxs .row.flagged:not(.filtered-out)");
    return Array.prototype.filter.call(rows, function (r) { return !check || hasCheck(r); });
  }
  var current = null;
  document.addEventListener("keydown", function (e) {
    if (e.target.closest("input, textarea, select") || e.metaKey || e.ctrlKey || e.altKey) return;
    if (e.key !== "j" && e.key !== "k") return;
    var rows = visited();
    if (!rows.length) return;
    var at = rows.indexOf(current);
    at = e.key === "j" ? Math.min(at + 1, rows.length - 1) : Math.max(at < 0 ? 0 : at - 1, 0);
    current = rows[at];
    var seg = current.querySelector(".seg");
    current.scrollIntoView({ block: "center" });
    if (seg) focusSeg(seg);
  });

  // Segments: one tab stop for the whole text (a roving tabindex); the
  // arrows move inside it: up/down to the previous/next segment of the same
  // language, left/right to the counterpart, Home/End to the ends.
  // The segments are made focusable here rather than in the markup (a
  // tabindex on each is bytes on every view): those of the columns and of
  // the reading text, except anchors, those inside a link (the link is the
  // stop) and the source's reading view (no original to pop up there).
  var focusable = document.body.classList.contains("view-source") ? ".sxs .cell .seg" : ".sxs .cell .seg, .reading .seg";
  document.querySelectorAll(focusable).forEach(function (seg) {
    if (!seg.classList.contains("seg-anchor") && !seg.closest("a, .lookup")) seg.tabIndex = -1;
  });
  var segSelector = ".sxs .cell.target .seg[tabindex], .sxs .cell.source .seg[tabindex], .reading .seg[tabindex]";
  var stop = null;
  function focusSeg(seg) {
    if (stop && stop !== seg) stop.tabIndex = -1;
    stop = seg;
    seg.tabIndex = 0;
    seg.focus({ preventScroll: false });
  }
  function column(seg) {
    var side = seg.closest(".cell.source") ? ".source" : ".target";
    var all = document.querySelectorAll(seg.closest(".sxs") ? ".sxs .cell" + side + " .seg[tabindex]" : ".reading .seg[tabindex]");
    return Array.prototype.filter.call(all, function (s) { return s.offsetParent !== null; });
  }
  var first = document.querySelector(segSelector);
  if (first) { first.tabIndex = 0; stop = first; }
  document.addEventListener("focusin", function (e) {
    var seg = e.target.closest && e.target.closest(".seg[tabindex]");
    if (seg && seg !== stop) { if (stop) stop.tabIndex = -1; stop = seg; seg.tabIndex = 0; }
  });
  document.addEventListener("keydown", function (e) {
    var seg = e.target.closest && e.target.closest(".seg[tabindex]");
    if (!seg || e.metaKey || e.ctrlKey || e.altKey) return;
    var list = column(seg), at = list.indexOf(seg), next = null;
    if (e.key === "ArrowDown") next = list[at + 1];
    else if (e.key === "ArrowUp") next = list[at - 1];
    else if (e.key === "Home") next = list[0];
    else if (e.key === "End") next = list[list.length - 1];
    else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      if (seg.closest(".sxs")) {
        var other = seg.closest(".cell.source") ? ".cell.target" : ".cell.source";
        next = Array.prototype.find.call(segsOf(segId(seg), seg.closest(".row")), function (s) {
          return s.closest(other) && s.hasAttribute("tabindex");
        }) || null;
      } else {
        next = list[at + (e.key === "ArrowRight" ? 1 : -1)];
      }
    }
    if (!next) return;
    e.preventDefault();
    focusSeg(next);
  });

  // Popups (the original under a segment, search results, the menu): Esc
  // closes what is open; a popup is kept inside the viewport.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.body.classList.add("popups-closed");
    var results = document.getElementById("search-results");
    if (results) results.hidden = true;
    setMenu(false);
  });
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var seg = e.target.closest && e.target.closest(".seg");
      if (!seg) return;
      if (seg !== lastPopup) document.body.classList.remove("popups-closed");
      lastPopup = seg;
      var popup = seg.querySelector(":scope > .lookup");
      if (!popup) return;
      popup.style.marginLeft = "";
      var box = popup.getBoundingClientRect(), overflow = box.right - (document.documentElement.clientWidth - 8);
      if (overflow > 0) popup.style.marginLeft = -Math.min(overflow, box.left - 8) + "px";
    });
  });
  var lastPopup = null;

  // Phones: the navigation behind a menu button.
  var menu = document.querySelector(".menu-toggle");
  function setMenu(open) {
    if (!menu) return;
    var bar = document.querySelector(".topbar");
    if (open && bar) document.documentElement.style.setProperty("--topbar", bar.getBoundingClientRect().bottom + "px");
    menu.setAttribute("aria-expanded", open ? "true" : "false");
    document.body.classList.toggle("menu-open", open);
  }
  if (menu) menu.addEventListener("click", function () {
    var open = menu.getAttribute("aria-expanded") !== "true";
    setMenu(open);
    if (open) { var link = document.querySelector(".sidebar a"); if (link) link.focus(); }
  });

  // Tables side by side: the same row of both languages at the same height
  // (the taller one sets it), and each finding of a table under its own row,
  // with an empty row of the same height on the other side. Not on phones,
  // where the languages are stacked.
  function rowsOf(cell) {
    return Array.prototype.filter.call(cell.querySelectorAll("tr"), function (tr) {
      return !tr.parentElement.closest("tr");
    });
  }
  function findingsAtRows() {
    document.querySelectorAll(".sxs .row .row-findings .finding[data-for]").forEach(function (finding) {
      var row = finding.closest(".row");
      var seg = row.querySelector('.cell.target .seg[id="' + CSS.escape(finding.dataset.for) + '"]');
      var tr = seg && seg.closest("tr");
      var source = row.querySelector(".cell.source");
      if (!tr || !source) return;
      var at = rowsOf(row.querySelector(".cell.target")).indexOf(tr);
      var pair = rowsOf(source)[at];
      if (!pair) return;
      var mine = tr.nextElementSibling && tr.nextElementSibling.classList.contains("finding-row") ? tr.nextElementSibling : null;
      if (!mine) {
        mine = makeFindingRow(tr);
        mine.firstChild.appendChild(document.createElement("ul")).className = "row-findings";
        makeFindingRow(pair);
      }
      mine.querySelector("ul").appendChild(finding);
    });
    document.querySelectorAll(".sxs .row > .row-findings").forEach(function (list) {
      if (!list.children.length) list.remove();
    });
  }
  function makeFindingRow(after) {
    var tr = document.createElement("tr"), td = document.createElement("td");
    tr.className = "finding-row";
    td.colSpan = Array.prototype.reduce.call(after.cells, function (n, c) { return n + c.colSpan; }, 0) || 1;
    tr.appendChild(td);
    after.parentNode.insertBefore(tr, after.nextSibling);
    return tr;
  }
  // A cell's own tables, each with the box that holds it in the flow (its
  // scrolling wrapper).
  function tablesOf(cell) {
    return Array.prototype.filter.call(cell.querySelectorAll("table"), function (table) {
      return !table.parentElement.closest("table");
    }).map(function (table) {
      return table.parentElement.classList.contains("table-wrap") ? table.parentElement : table;
    });
  }
  function alignTables() {
    var pairs = [];
    document.querySelectorAll(".sxs .row").forEach(function (row) {
      var t = row.querySelector(".cell.target"), s = row.querySelector(".cell.source");
      if (!t || !s || !t.querySelector("tr")) return;
      var a = rowsOf(t), b = rowsOf(s), tables = [tablesOf(t), tablesOf(s)];
      a.concat(b).forEach(function (tr) { tr.style.height = ""; });
      tables[0].concat(tables[1]).forEach(function (box) { box.style.marginTop = ""; });
      if (row.offsetParent !== null && t.offsetTop === s.offsetTop) pairs.push([a, b, tables]);
    });
    var heights = pairs.map(function (p) {
      var n = Math.min(p[0].length, p[1].length), h = [];
      for (var i = 0; i < n; i++) h.push(Math.max(p[0][i].getBoundingClientRect().height, p[1][i].getBoundingClientRect().height));
      return h;
    });
    pairs.forEach(function (p, k) {
      heights[k].forEach(function (h, i) { p[0][i].style.height = p[1][i].style.height = h + "px"; });
      // Text before a table may take more lines in one language: the
      // table that starts higher moves down to the other's top, in order.
      // Twice: a margin first collapses with the one of the text before it.
      var n = Math.min(p[2][0].length, p[2][1].length);
      for (var i = 0; i < n; i++) {
        for (var pass = 0; pass < 2; pass++) {
          var a = p[2][0][i], b = p[2][1][i], gap = a.getBoundingClientRect().top - b.getBoundingClientRect().top;
          var higher = gap > 0 ? b : a;
          if (Math.abs(gap) >= 0.5) higher.style.marginTop = parseFloat(getComputedStyle(higher).marginTop) + Math.abs(gap) + "px";
        }
      }
    });
  }
  findingsAtRows();
  applyFilter();
  var pending = 0;
  function realign() { cancelAnimationFrame(pending); pending = requestAnimationFrame(alignTables); }
  addEventListener("resize", realign);
  document.addEventListener("toggle", realign, true);
  if (document.fonts) document.fonts.ready.then(realign);

  // Target reading view: "show original" toggle, remembered.
  var original = document.getElementById("show-original");
  if (original) {
    original.checked = localStorage.getItem("sxs-show-original") === "1";
    var apply = function () { document.body.classList.toggle("show-original-on", original.checked); };
    original.addEventListener("change", function () {
      localStorage.setItem("sxs-show-original", original.checked ? "1" : "0");
      apply();
    });
    apply();
  }

  // Sortable dashboard tables.
  document.querySelectorAll("table.sortable th button").forEach(function (button, col) {
    button.addEventListener("click", function () {
      var th = button.parentElement, table = th.closest("table"), body = table.tBodies[0];
      // Numbers (flagged, errors…) sort largest first, text A to Z first.
      var numeric = th.dataset.sort === "num";
      var state = th.getAttribute("aria-sort");
      var asc = state ? state !== "ascending" : !numeric;
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
        var n = parseFloat(x) - parseFloat(y);
        var c = isNaN(n) ? x.localeCompare(y) : n;
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();

// Offending tokens: each finding lists them (data-tokens, tab-separated);
// every occurrence is marked in the finding's segment in both columns, so the
// reader sees the changed number or code without hunting for it. Text nodes
// only, so attributes and markup are never touched; exact, case-sensitive
// matches, any whitespace in a token matching any whitespace, and never inside
// a word: `3` is not marked in `30`, nor `.` in `1.000`.
(function () {
  "use strict";
  var word;
  try { word = new RegExp("[\\p{L}\\p{N}]", "u"); } catch (e) { return; }

  // One pattern for all the tokens of a finding, longest first so that a
  // token inside another (`1.000` and `1`) loses to it.
  function tokenPattern(tokens) {
    var sorted = tokens.filter(function (t) { return t.length >= 1; })
      .sort(function (a, b) { return b.length - a.length; });
    if (!sorted.length) return null;
    var source = sorted.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    }).join("|");
    try { return new RegExp(source, "gu"); } catch (e) { return null; }
  }

  // Wraps each match in one text node in <mark class="token">.
  function markText(node, pattern) {
    var text = node.nodeValue, last = 0, frag = null, m;
    var isWord = function (i) { return i >= 0 && i < text.length && word.test(text.charAt(i)); };
    pattern.lastIndex = 0;
    while ((m = pattern.exec(text))) {
      var start = m.index, end = start + m[0].length;
      var before = isWord(start - 1), after = isWord(end);
      var inWord = (before && isWord(start)) || (after && isWord(end - 1)) || (before && after);
      if (!m[0].length || inWord) { pattern.lastIndex = start + 1; continue; }
      frag = frag || document.createDocumentFragment();
      frag.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement("mark");
      mark.className = "token";
      mark.textContent = m[0];
      frag.appendChild(mark);
      last = end;
    }
    if (!frag) return;
    frag.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(frag, node);
  }

  // The text nodes below `el` not already marked, collected first: marking
  // changes the tree the walker walks.
  function markIn(el, pattern) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentNode.closest("mark.token")) nodes.push(n);
    }
    nodes.forEach(function (node) { markText(node, pattern); });
  }

  document.querySelectorAll(".sxs .row .finding[data-tokens]").forEach(function (finding) {
    var pattern = tokenPattern(finding.dataset.tokens.split("\t"));
    var row = finding.closest(".row");
    if (!pattern || !row) return;
    var id = finding.dataset.for;
    var segs = id ? segsOf(id, row) : row.querySelectorAll(".seg");
    segs.forEach(function (seg) { markIn(seg, pattern); });
  });
})();

// Search both languages over the sharded index (static/search/, see
// src/build/search.rs): the manifest, term shards and text shards are
// scripts loaded on demand (so it works from disk), each calling sxsSearch.
// Results: pages whose title has every term first, then segments holding the
// exact phrase, then the rest; arrow keys move through all of them (more are
// shown as the selection reaches the end), Enter opens one. Work per key is
// a pass over posting lists, after a short pause in typing.
(function () {
  "use strict";
  var root = document.body.dataset.root || "";
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  if (!input || !results) return;
  var store = {}, waiting = {}, LANGS = ["t", "s"], PAGE = 20, ui = window.SXS_UI || {};
  var word;
  try { word = new RegExp("[\\p{Alphabetic}\\p{N}]", "u"); } catch (e) { word = /[a-z0-9\u00c0-\uffff]/; }
  window.sxsSearch = function (kind, lang, n, data) {
    var key = kind + lang + n;
    // A manifest's text shards start at delta-encoded segment numbers.
    if (kind === "m" && data.texts) {
      var first = 0;
      data.texts = data.texts.map(function (d) { first += d; return first; });
    }
    // A text shard's anchors are front-coded: [page, shared, rest, text].
    if (kind === "d" && data.s) {
      var anchor = "";
      data.s = data.s.map(function (s) { anchor = anchor.slice(0, s[1]) + s[2]; return [s[0], anchor, s[3]]; });
    }
    store[key] = data;
    (waiting[key] || []).forEach(function (f) { f(); });
    delete waiting[key];
  };
  function need(kind, lang, n, then) {
    var key = kind + lang + n;
    if (store[key]) return then();
    if (waiting[key]) return waiting[key].push(then);
    waiting[key] = [then];
    var s = document.createElement("script");
    s.src = root + "static/search/" + lang + (kind === "m" ? "" : "-" + kind + n) + ".js";
    s.onerror = function () { store[key] = {}; window.sxsSearch(kind, lang, n, {}); };
    document.head.appendChild(s);
  }
  function all(loads, then) {
    var left = loads.length;
    if (!left) return then();
    loads.forEach(function (load) { load(function () { if (--left === 0) then(); }); });
  }
  function norm(t) { return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function esc(t) { return t.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function isCjk(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3040 && n <= 0x30ff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) ||
      (n >= 0xf900 && n <= 0xfaff) || (n >= 0xac00 && n <= 0xd7af) || (n >= 0x20000 && n <= 0x2ffff);
  }
  // The same terms as the index makes (search.rs `terms`); the last one is
  // a prefix while it is being typed.
  function queryTerms(q) {
    var out = [], w = "", run = [];
    Array.from(q + " ").forEach(function (c) {
      if (isCjk(c)) { if (w.length) { out.push(w); w = ""; } run.push(c); return; }
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
      if (word.test(c)) w += c; else { if (Array.from(w).length > 1) out.push(w); w = ""; }
    });
    return out;
  }
  // Code point order, as the index sorts terms.
  function cmp(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }
  function lastAtOrBefore(list, ok) {
    var lo = 0, hi = list.length - 1, at = 0;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (ok(list[mid])) { at = mid; lo = mid + 1; } else hi = mid - 1; }
    return at;
  }
  // Term shards that may hold `term` (or, as a prefix, terms it begins), at most two.
  function shardsFor(m, term, prefix) {
    var first = lastAtOrBefore(m.terms, function (t) { return cmp(t, term) <= 0; }), out = [first];
    for (var i = first + 1; prefix && i < m.terms.length && out.length < 2 && m.terms[i].indexOf(term) === 0; i++) out.push(i);
    return out;
  }
  function undelta(list, mark, value) {
    for (var i = 0, n = 0; i < list.length; i++) { n += list[i]; mark(n, value); }
  }
  // Candidates of one language: segments holding every term.
  function matchLang(lang, terms, prefixLast) {
    var m = store["m" + lang + "0"], nt = terms.length;
    if (!m || !m.terms) return [];
    // The page table is the target's manifest's (both number the same segments).
    var pageTable = (store.mt0 && store.mt0.pages) || m.pages || [];
    var segs = new Uint8Array(m.segments), pageCount = pageTable.length, titles = new Uint8Array(pageCount);
    var exactLast = new Uint8Array(m.segments);
    terms.forEach(function (term, i) {
      var prefix = prefixLast && i === nt - 1;
      shardsFor(m, term, prefix).forEach(function (n) {
        var shard = store["t" + lang + n] || {};
        Object.keys(shard).forEach(function (t) {
          if (t !== term && !(prefix && t.indexOf(term) === 0)) return;
          undelta(shard[t][0], function (s) { if (segs[s] === i) segs[s] = i + 1; });
          undelta(shard[t][1], function (p) { if (titles[p] === i) titles[p] = i + 1; });
          if (t === term && i === nt - 1) undelta(shard[t][0], function (s) { exactLast[s] = 1; });
        });
      });
    });
    var hits = [], page = 0, next = 0, starts = [];
    undelta(pageTable, function (n) { starts.push(n); });
    for (var s = 0; s < m.segments; s++) {
      while (page + 1 < pageCount && starts[page + 1] <= s) page++;
      if (segs[s] !== nt) continue;
      hits.push({ lang: lang, seg: s, score: (titles[page] === nt ? 4 : 0) + exactLast[s], order: next++ });
    }
    return hits;
  }
  function textShard(hit) {
    var m = store["m" + hit.lang + "0"];
    return lastAtOrBefore(m.texts, function (first) { return first <= hit.seg; });
  }
  // Loads the texts of hits[from..to) and fills in their text, url and title.
  function withTexts(hits, from, to, then) {
    var wanted = {};
    hits.slice(from, to).forEach(function (h) { wanted[h.lang + " " + textShard(h)] = [h.lang, textShard(h)]; });
    all(Object.keys(wanted).map(function (k) {
      return function (done) { need("d", wanted[k][0], wanted[k][1], done); };
    }), function () {
      hits.slice(from, to).forEach(function (h) {
        var n = textShard(h), shard = store["d" + h.lang + n], m = store["m" + h.lang + "0"];
        var seg = shard && shard.s && shard.s[h.seg - m.texts[n]];
        if (!seg) return;
        var page = shard.p[seg[0]];
        h.url = page[1] + "#" + seg[1]; h.title = page[2]; h.text = seg[2];
      });
      then();
    });
  }
  var hits = [], shown = 0, active = -1, generation = 0, timer = null;
  function row(h, i) {
    return '<li class="hit" role="option" id="search-hit-' + i + '"><a href="' + esc(root + (h.url || "")) + '">' +
      esc(h.text || "") + '<span class="where">' + esc(h.title || "") + "</span></a></li>";
  }
  function render() {
    results.innerHTML = hits.length
      ? '<li class="count" aria-live="polite">' + esc(ui.results || "Results") + ": " + hits.length + "</li>" + hits.slice(0, shown).map(row).join("")
      : '<li class="count">' + esc(ui.no_match || "No match") + "</li>";
    results.hidden = false;
    select(active);
  }
  function select(i) {
    var items = results.querySelectorAll("li.hit");
    items.forEach(function (li) { li.classList.remove("active"); li.removeAttribute("aria-selected"); });
    active = i;
    if (i < 0 || !items[i]) { input.removeAttribute("aria-activedescendant"); return; }
    items[i].classList.add("active");
    items[i].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[i].id);
    items[i].scrollIntoView({ block: "nearest" });
  }
  function showMore(then) {
    var gen = generation, to = Math.min(hits.length, shown + PAGE);
    withTexts(hits, shown, to, function () { if (gen !== generation) return; shown = to; render(); if (then) then(); });
  }
  function search() {
    var raw = norm(input.value), q = raw.trim(), gen = ++generation;
    var terms = queryTerms(q);
    if (q.length < 2 || !terms.length) { results.hidden = true; hits = []; return; }
    var prefixLast = raw === q && word.test(Array.from(q).pop() || "");
    all(LANGS.map(function (lang) { return function (done) { need("m", lang, 0, done); }; }), function () {
      var loads = [];
      LANGS.forEach(function (lang) {
        var m = store["m" + lang + "0"];
        if (!m || !m.terms) return;
        terms.forEach(function (t, i) {
          shardsFor(m, t, prefixLast && i === terms.length - 1).forEach(function (n) {
            loads.push(function (done) { need("t", lang, n, done); });
          });
        });
      });
      all(loads, function () {
        if (gen !== generation) return;
        var found = LANGS.map(function (l) { return matchLang(l, terms, prefixLast); });
        found = found[0].concat(found[1]);
        found.sort(function (a, b) { return b.score - a.score || a.order - b.order || (a.lang < b.lang ? 1 : -1); });
        // The exact phrase ranks next to titles: read among the first results.
        withTexts(found, 0, Math.min(found.length, PAGE), function () {
          if (gen !== generation) return;
          found.forEach(function (h) { if (h.text && norm(h.text).indexOf(q) >= 0) h.score += 2; });
          found.sort(function (a, b) { return b.score - a.score || a.order - b.order || (a.lang < b.lang ? 1 : -1); });
          hits = found; shown = Math.min(PAGE, found.length); active = -1;
          render();
        });
      });
    });
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 60); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { results.hidden = true; return; }
    if (results.hidden || !hits.length) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (active + 1 < shown) select(active + 1);
      else if (shown < hits.length) showMore(function () { select(active + 1); });
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      select(Math.max(active - 1, 0));
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      var link = results.querySelectorAll("li.hit a")[active];
      if (link) location.href = link.href;
    }
  });
})();

// Navigation trees: each is one shared script (static/nav/N.js) that sets
// SXS_NAV[N] to its HTML, links written from the site root with a
// placeholder; every element with data-nav="N" gets the tree, the current
// page marked and its branch opened. Without scripts the element keeps its
// link to the tree's own page.
(function () {
  "use strict";
  var root = document.body.dataset.root || "";
  function show(id) {
    var html = window.SXS_NAV && window.SXS_NAV[id];
    if (typeof html !== "string") return;
    document.querySelectorAll('[data-nav="' + id + '"]').forEach(function (box) {
      if (box.dataset.navShown) return;
      box.dataset.navShown = "1";
      var fallback = box.querySelector(".nav-fallback");
      if (fallback) fallback.remove();
      box.insertAdjacentHTML("beforeend", html.split("%SXS_ROOT%").join(root));
      markCurrent(box);
    });
  }
  // An address without its fragment and query; a folder's is its index.
  function bare(url) {
    url = url.split("#")[0].split("?")[0];
    return url.slice(-1) === "/" ? url + "index.html" : url;
  }
  // The tree links to a page's side-by-side view: the views' first link on
  // a bilingual page, the page itself otherwise.
  function markCurrent(box) {
    var views = document.querySelector("nav.views a");
    var here = bare(views ? views.href : location.href);
    var current = Array.prototype.find.call(box.querySelectorAll("a[href]"), function (a) {
      return bare(a.href) === here;
    });
    if (!current) return;
    current.setAttribute("aria-current", "page");
    for (var el = current.parentElement; el && el !== box; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    // Scroll the sidebar only, never the page.
    box.scrollTop = Math.max(0, current.offsetTop - box.clientHeight / 2);
  }
  window.sxsNav = show;
  Object.keys(window.SXS_NAV || {}).forEach(show);
})();

// Dashboard: filter pages without a server.
(function () {
  var filter = document.getElementById("page-filter");
  if (!filter) return;
  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    document.querySelectorAll("table.pages tbody tr").forEach(function (row) {
      row.classList.toggle("hidden", !!q && row.textContent.toLowerCase().indexOf(q) < 0);
    });
  });
})();
