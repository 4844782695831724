// The search in headless Chromium, as a reader types: results for a phrase
// (a substring, in Chinese), the first query's downloads small (only the
// shards it needs), no keystroke blocking the page long, ↓ through all
// results (more load at the end of the list), Enter lands on the segment.
// usage: node search.mjs SITE_DIR
// Reads the queries from SXS_SEARCH (JSON: [{page, query, expect,
// longest_task_ms}, ..], pages relative to SITE_DIR); prints one line per
// check and a JSON summary; exits 1 when any check fails.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";
import fs from "node:fs";

const require = createRequire(import.meta.url);
const { chromium } = require(path.join(process.env.SXS_NODE_MODULES, "playwright-core"));
const [site] = process.argv.slice(2);
const plan = JSON.parse(process.env.SXS_SEARCH);
const browser = await chromium.launch({
  executablePath: process.env.SXS_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const failures = [];
const summary = { queries: [] };
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}
async function open(rel, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(pathToFileURL(path.join(site, rel)).href);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

for (const search of plan) {
  const page = await open(search.page, 1366);
  const loaded = new Set();
  page.on("request", (request) => {
    if (request.url().includes("/static/search/")) loaded.add(new URL(request.url()).pathname);
  });
  await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.longest = Math.max(window.longest, e.duration); }))
      .observe({ type: "longtask", buffered: false });
  });
  await page.click("#search-input");
  await page.keyboard.type(search.query, { delay: 60 });
  await page.waitForSelector("#search-results li.hit", { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(300);
  const bytes = [...loaded].reduce((sum, at) => sum + fs.statSync(decodeURIComponent(at)).size, 0);
  const [count, first, longest] = await page.evaluate(() => [
    document.querySelectorAll("#search-results li.hit").length,
    (document.querySelector("#search-results li.hit") || { textContent: "" }).textContent,
    window.longest,
  ]);
  check(count > 0 && first.toLowerCase().includes(search.expect.toLowerCase()),
    `search "${search.query}": ${count} results shown, the first "${first.slice(0, 60)}"`);
  check(bytes <= 300 * 1024, `search "${search.query}": the first query loaded ${loaded.size} files, ${(bytes / 1024).toFixed(0)} KB`);
  summary.queries.push({ query: search.query, results: count, first_query_kb: Math.round(bytes / 1024), longest_task_ms: Math.round(longest) });
  check(longest <= search.longest_task_ms,
    `search "${search.query}": the longest task while typing ${longest.toFixed(0)} ms`);
  // ↓ past the first page of results: more are shown, the selection follows.
  const total = await page.evaluate(() => parseInt(document.querySelector("#search-results li.count").textContent.replace(/\D+/g, ""), 10));
  const steps = Math.min(total, 25);
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const at = await page.evaluate(() => {
    const id = document.getElementById("search-input").getAttribute("aria-activedescendant") || "";
    return [id, document.querySelectorAll("#search-results li.hit").length];
  });
  check(at[0] === `search-hit-${steps - 1}` && at[1] >= steps,
    `search: ${steps} × ↓ selects result ${at[0]} of ${at[1]} shown (${total} found)`);
  const href = await page.evaluate(() => document.querySelector("#search-results li.hit.active a").href);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.href === href, { timeout: 10000 }).catch(() => {});
  const landed = await page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    return [location.href, !!target && target.matches(":target") && !!target.closest(".sxs")];
  });
  check(landed[0] === href && landed[1], `search: Enter opens ${landed[0]}, on its segment in the side-by-side view`);
  await page.close();
}

await browser.close();
summary.failures = failures.length;
console.log(JSON.stringify(summary));
process.exit(failures.length ? 1 : 0);
