// sxs: progressive enhancement only; every page reads fine without it.
(function () {
  "use strict";
  var root = document.body.dataset.root || "";

  // Theme toggle, remembered.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) toggle.addEventListener("click", function () {
    var dark = document.documentElement.dataset.theme === "dark" ||
      (!document.documentElement.dataset.theme && matchMedia("(prefers-color-scheme: dark)").matches);
    var next = dark ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("sxs-theme", next);
  });

  // Hover or focus a segment: highlight its counterpart in the other column.
  function counterpart(seg, on) {
    var id = seg.dataset.seg;
    document.querySelectorAll('[data-seg="' + CSS.escape(id) + '"]').forEach(function (el) {
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
        next = seg.closest(".row").querySelector(other + ' .seg[data-seg="' + CSS.escape(seg.dataset.seg) + '"]');
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
      var seg = row.querySelector('.cell.target .seg[data-seg="' + CSS.escape(finding.dataset.for) + '"]');
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
  function alignTables() {
    var pairs = [];
    document.querySelectorAll(".sxs .row").forEach(function (row) {
      var t = row.querySelector(".cell.target"), s = row.querySelector(".cell.source");
      if (!t || !s || !t.querySelector("tr")) return;
      var a = rowsOf(t), b = rowsOf(s);
      a.concat(b).forEach(function (tr) { tr.style.height = ""; });
      if (row.offsetParent !== null && t.offsetTop === s.offsetTop) pairs.push([a, b]);
    });
    var heights = pairs.map(function (p) {
      var n = Math.min(p[0].length, p[1].length), h = [];
      for (var i = 0; i < n; i++) h.push(Math.max(p[0][i].getBoundingClientRect().height, p[1][i].getBoundingClientRect().height));
      return h;
    });
    pairs.forEach(function (p, k) {
      heights[k].forEach(function (h, i) { p[0][i].style.height = p[1][i].style.height = h + "px"; });
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

  // Search both languages; the index is a script so it also works from disk.
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var loading = false;
  function load(then) {
    if (window.SXS_SEARCH) return then();
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = root + "static/search-index.js";
    s.onload = then;
    document.head.appendChild(s);
  }
  function norm(t) { return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function esc(t) { return t.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function search() {
    var q = norm(input.value.trim());
    if (q.length < 2) { results.hidden = true; return; }
    var hits = [];
    for (var i = 0; i < window.SXS_SEARCH.length && hits.length < 30; i++) {
      var e = window.SXS_SEARCH[i];
      if (norm(e.t).indexOf(q) >= 0 || norm(e.s).indexOf(q) >= 0) hits.push(e);
    }
    results.innerHTML = hits.length ? hits.map(function (e) {
      var text = norm(e.t).indexOf(q) >= 0 ? e.t : e.s;
      return '<li><a href="' + esc(root + e.u) + '">' + esc(text) + '<span class="where">' + esc(e.p) + "</span></a></li>";
    }).join("") : "<li><a>" + esc(document.body.dataset.noMatch || "No match") + "</a></li>";
    results.hidden = false;
  }
  if (input) {
    input.addEventListener("input", function () { load(search); });
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") results.hidden = true; });
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
    var segs = row.querySelectorAll(id ? '.seg[data-seg="' + CSS.escape(id) + '"]' : ".seg");
    segs.forEach(function (seg) { markIn(seg, pattern); });
  });
})();

// Sidebar: open the branches that lead to the current page, and show it.
(function () {
  var current = document.querySelector('.sidebar [aria-current="page"]');
  if (!current) return;
  for (var el = current.parentElement; el; el = el.parentElement) {
    if (el.tagName === "DETAILS") el.open = true;
  }
  // Scroll the sidebar only, never the page.
  var sidebar = current.closest(".sidebar");
  sidebar.scrollTop = Math.max(0, current.offsetTop - sidebar.clientHeight / 2);
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
