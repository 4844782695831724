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

  // Filter: only flagged rows, optionally one check (?check=numbers).
  var only = document.getElementById("only-flagged");
  var params = new URLSearchParams(location.search);
  var check = params.get("check");
  function applyFilter() {
    document.body.classList.toggle("only-flagged", !!(only && only.checked));
    document.querySelectorAll(".sxs .row").forEach(function (row) {
      var checks = (row.dataset.checks || "").split(" ");
      row.classList.toggle("filtered-out", !!check && checks.indexOf(check) < 0);
    });
  }
  if (only) {
    if (check) only.checked = true;
    only.addEventListener("change", function () { if (!only.checked) check = null; applyFilter(); });
    applyFilter();
  }

  // j / k: next / previous flagged row.
  var flagged = Array.prototype.slice.call(document.querySelectorAll(".sxs .row.flagged"));
  var current = -1;
  document.addEventListener("keydown", function (e) {
    if (e.target.closest("input, textarea, select") || e.metaKey || e.ctrlKey || e.altKey) return;
    if ((e.key !== "j" && e.key !== "k") || !flagged.length) return;
    current = e.key === "j" ? Math.min(current + 1, flagged.length - 1) : Math.max(current - 1, 0);
    var seg = flagged[current].querySelector(".seg");
    flagged[current].scrollIntoView({ block: "center" });
    if (seg) seg.focus({ preventScroll: true });
  });

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
    }).join("") : "<li><a>No match</a></li>";
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
      var asc = th.getAttribute("aria-sort") !== "ascending";
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
