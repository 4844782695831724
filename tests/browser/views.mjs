// Readers and reviewers in headless Chromium: the side-by-side view's table
// rows level across languages, no page wider than a 390 px phone, a keyboard
// path (skip link, one tab stop for the text, arrows, Esc), each view's
// interface in its language, the dashboard's sort order shown (the search:
// search.mjs).
// usage: node views.mjs SITE_DIR [SHOTS_DIR]
// Reads the pages to check from SXS_PAGES (JSON: {tables: [..], phone: [..],
// keyboard: page, lang: [[page, lang, text], ..], dashboard: page}); prints
// one line per check and a JSON summary; exits 1 when any check fails.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";
import fs from "node:fs";

const require = createRequire(import.meta.url);
const { chromium } = require(path.join(process.env.SXS_NODE_MODULES, "playwright-core"));
const [site, shots] = process.argv.slice(2);
const plan = JSON.parse(process.env.SXS_PAGES);
const url = (rel) => pathToFileURL(path.join(site, rel)).href;
const browser = await chromium.launch({
  executablePath: process.env.SXS_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const failures = [];
const summary = {};
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}
async function open(rel, width, scheme = "light", query = "") {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  await page.goto(url(rel) + query);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(100);
  return page;
}
async function shoot(page, name) {
  if (shots) await page.screenshot({ path: path.join(shots, name + ".png") });
}

// 1. Tables: every row of a table at the same height on both sides, and at
// the same top (a drift would grow with the rows).
let tableRows = 0, worst = 0;
for (const rel of plan.tables) {
  const page = await open(rel, 1366);
  const m = await page.evaluate(() => {
    const top = (tr) => tr.getBoundingClientRect().top;
    let rows = 0, worst = 0;
    const own = (cell) => [...cell.querySelectorAll("tr")].filter((tr) => !tr.parentElement.closest("tr"));
    for (const row of document.querySelectorAll(".sxs .row")) {
      const t = row.querySelector(".cell.target"), s = row.querySelector(".cell.source");
      if (!t || !s) continue;
      const a = own(t), b = own(s);
      if (!a.length || a.length !== b.length) continue;
      for (let i = 0; i < a.length; i++) {
        rows++;
        worst = Math.max(worst, Math.abs(top(a[i]) - top(b[i])));
      }
    }
    return { rows, worst };
  });
  tableRows += m.rows;
  worst = Math.max(worst, m.worst);
  check(m.rows > 0 && m.worst <= 3, `tables level: ${rel}: ${m.rows} rows, worst drift ${m.worst.toFixed(1)} px`);
  await page.evaluate(() => {
    const tr = document.querySelectorAll(".sxs .cell.target tr")[3] || document.querySelector(".sxs .cell.target tr");
    if (tr) tr.scrollIntoView({ block: "start" });
  });
  await shoot(page, "tables-1366-light-" + path.basename(rel, ".html"));
  await page.close();
}
summary.table_rows = tableRows;
summary.worst_drift_px = worst;

// 2. Phones: nothing wider than the screen, popups inside it.
for (const rel of plan.phone) {
  for (const scheme of ["light", "dark"]) {
    const page = await open(rel, 390, scheme);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `390 px ${scheme}: ${rel} is ${width} px wide`);
    const popup = await page.evaluate(() => {
      const seg = document.querySelector(".view-target .reading .seg");
      if (!seg) return null;
      seg.focus();
      const box = seg.querySelector(".lookup").getBoundingClientRect();
      return { left: box.left, right: box.right };
    });
    if (popup) check(popup.left >= 0 && popup.right <= 390, `390 px ${scheme}: popup of ${rel} at ${popup.left.toFixed(0)}–${popup.right.toFixed(0)} px`);
    await shoot(page, `phone-390-${scheme}-` + path.basename(rel, ".html"));
    const menu = await page.$(".menu-toggle");
    if (menu) {
      await menu.click();
      const shown = await page.evaluate(() => getComputedStyle(document.querySelector(".sidebar")).display !== "none");
      check(shown, `390 px ${scheme}: the menu button shows the navigation of ${rel}`);
      // The open navigation stays under the top bar: its button closes it.
      const [barBottom, sideTop, sideBottom] = await page.evaluate(() => [
        document.querySelector(".topbar").getBoundingClientRect().bottom,
        document.querySelector(".sidebar").getBoundingClientRect().top,
        document.querySelector(".sidebar").getBoundingClientRect().bottom,
      ]);
      check(sideTop >= barBottom - 1 && sideBottom <= 900 + 1,
        `390 px ${scheme}: the open navigation of ${rel} at ${sideTop.toFixed(0)}–${sideBottom.toFixed(0)} px, under the top bar (${barBottom.toFixed(0)} px)`);
      await shoot(page, `phone-390-${scheme}-menu-` + path.basename(rel, ".html"));
      await menu.click();
      const closed = await page.evaluate(() => getComputedStyle(document.querySelector(".sidebar")).display === "none");
      check(closed, `390 px ${scheme}: the menu button closes the navigation of ${rel}`);
      await menu.click();
      await page.keyboard.press("Escape");
      const hidden = await page.evaluate(() => getComputedStyle(document.querySelector(".sidebar")).display === "none");
      check(hidden, `390 px ${scheme}: Esc closes the menu of ${rel}`);
    }
    await page.close();
  }
}

// 3. Keyboard: the skip link first, few tab stops, arrows, Esc, a visible ring.
{
  const page = await open(plan.keyboard, 1366);
  const stops = await page.evaluate(() => document.querySelectorAll('.seg[tabindex="0"]').length);
  const segs = await page.evaluate(() => document.querySelectorAll(".seg[tabindex]").length);
  check(stops === 1 && segs > 10, `keyboard: ${segs} segments, ${stops} tab stop among them`);
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement.className);
  check(first === "skip-link", `keyboard: the first Tab reaches the skip link (${first})`);
  await page.keyboard.press("Enter");
  let tabs = 0, onSeg = false;
  while (tabs < 60 && !onSeg) {
    await page.keyboard.press("Tab");
    tabs++;
    onSeg = await page.evaluate(() => document.activeElement.classList.contains("seg"));
  }
  check(onSeg, `keyboard: past the skip link, the text is ${tabs} Tab(s) away`);
  // A segment's id; the source column's carry a "src-" prefix.
  const segId = () => document.activeElement.id.replace(/^src-/, "");
  const before = await page.evaluate(segId);
  await page.keyboard.press("ArrowDown");
  const after = await page.evaluate(segId);
  check(before && after && before !== after, `keyboard: ArrowDown moves ${before} → ${after}`);
  await page.keyboard.press("ArrowRight");
  const side = await page.evaluate(() => [document.activeElement.id, !!document.activeElement.closest(".cell.source")]);
  check(side[0] === "src-" + after && side[1], `keyboard: ArrowRight goes to the counterpart of ${after}`);
  const ring = await page.evaluate(() => {
    const cs = getComputedStyle(document.activeElement);
    return [cs.outlineStyle, parseFloat(cs.outlineWidth), cs.outlineColor];
  });
  check(ring[0] === "solid" && ring[1] >= 2, `keyboard: the focused segment has a ${ring[1]} px ${ring[0]} ring (${ring[2]})`);
  await shoot(page, "keyboard-1366-light");
  await page.close();
  const reading = await open(plan.keyboard.replace(/\.html$/, "." + plan.target_suffix + ".html"), 1366, "dark");
  await reading.evaluate(() => document.querySelector(".reading .seg").focus());
  const shown = () => reading.evaluate(() => getComputedStyle(document.querySelector(".reading .seg .lookup")).display !== "none");
  const open1 = await shown();
  await shoot(reading, "popup-1366-dark");
  await reading.keyboard.press("Escape");
  const open2 = await shown();
  check(open1 && !open2, `keyboard: Esc closes the original's popup (${open1} → ${open2})`);
  await reading.close();
}

// 4. Each view's interface in its language.
for (const [rel, lang, text] of plan.lang) {
  const page = await open(rel, 1366);
  const got = await page.evaluate(() => [document.documentElement.lang, document.querySelector(".skip-link").textContent]);
  check(got[0] === lang && got[1] === text, `language: ${rel} is ${got[0]} with "${got[1]}" (want ${lang}, "${text}")`);
  await page.close();
}

// 5. The dashboard: sort order shown, numbers largest first.
{
  const page = await open(plan.dashboard, 1366);
  await page.click('th[data-sort="num"] button');
  const sorted = await page.evaluate(() => {
    const th = document.querySelector('th[data-sort="num"]');
    const col = [...th.parentElement.children].indexOf(th);
    const values = [...document.querySelectorAll("table.pages tbody tr")].map((r) => parseFloat(r.cells[col].textContent));
    return [th.getAttribute("aria-sort"), values.every((v, i) => i === 0 || values[i - 1] >= v)];
  });
  check(sorted[0] === "descending" && sorted[1], `dashboard: a number column sorts largest first, aria-sort=${sorted[0]}`);
  await shoot(page, "dashboard-1366-light");
  await page.close();
  const dark = await open(plan.dashboard, 390, "dark");
  await shoot(dark, "dashboard-390-dark");
  await dark.close();
}

// 6. A check's filter (an informational one too): only its rows, and j/k
// go from one of them to the next.
for (const code of plan.filter.checks) {
  const page = await open(plan.filter.page, 1366, "dark", "?check=" + code);
  const rows = await page.evaluate((code) => {
    const shown = [...document.querySelectorAll(".sxs .row")].filter((r) => r.offsetParent !== null);
    return [shown.length, shown.filter((r) => r.dataset.checks.split(" ").includes(code)).length];
  }, code);
  const findings = await page.evaluate((code) =>
    [...document.querySelectorAll(".finding")].filter((f) => f.offsetParent !== null && f.dataset.check === code).length, code);
  check((rows[0] > 0 || findings > 0) && rows[0] === rows[1],
    `filter ${code}: ${rows[0]} rows shown, ${rows[1]} with the check, ${findings} findings shown`);
  const visits = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("j");
    visits.push(await page.evaluate(() => {
      const row = document.activeElement.closest(".row");
      return row ? row.dataset.checks.trim() : "";
    }));
  }
  check(rows[0] === 0 || visits.every((v) => v.split(" ").includes(code)), `filter ${code}: j visits rows with ${JSON.stringify(visits)}`);
  await shoot(page, `filter-1366-dark-${code}`);
  await page.close();
}

// 7. The 404 page as a host serves it for a missing path deep under a
// project's folder (GitHub Pages: /repo/…): styled, and its links lead into
// the folder. The host is emulated: files from SITE_DIR under /repo/, the
// 404 page for anything else.
if (plan.not_found_under) {
  const base = "http://pages.test" + plan.not_found_under;
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.route("http://pages.test/**", (route) => {
    const at = new URL(route.request().url()).pathname;
    const file = at.startsWith(plan.not_found_under) ? path.join(site, at.slice(plan.not_found_under.length)) : "";
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) return route.fulfill({ path: file });
    return route.fulfill({ status: 404, path: path.join(site, "404.html"), contentType: "text/html" });
  });
  await page.goto(base + "a/b/c/missing.html");
  // The page finds its folder, then its stylesheet loads from there: wait
  // for both (a loaded machine takes a while), then check what they gave.
  await page.waitForFunction(() => document.body.dataset.root !== "/" &&
    getComputedStyle(document.querySelector(".topbar")).display === "flex", null, { timeout: 15000 }).catch(() => {});
  const got = await page.evaluate(() => [
    document.querySelector("main a").href,
    getComputedStyle(document.querySelector(".topbar")).display,
  ]);
  check(got[0] === base + "index.html" && got[1] === "flex",
    `404 under ${plan.not_found_under}: home link ${got[0]}, top bar display ${got[1]}`);
  await shoot(page, "404-1366-light-subpath");
  await page.close();
}

await browser.close();
summary.failures = failures.length;
console.log(JSON.stringify(summary));
process.exit(failures.length ? 1 : 0);
