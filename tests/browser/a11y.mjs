// Accessibility check of built pages with axe-core in headless Chromium.
// usage: node a11y.mjs PAGE.html [PAGE.html …]
// Prints one line per violation and a final JSON summary line; exits 1 when
// any violation is found (serious and critical ones are marked FAIL), except
// those the content's authors wrote themselves: an empty heading
// (`## <a id="x"></a>`) is published as written, and counted apart.
const CONTENT_RULES = ["empty-heading"];
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const modules = process.env.SXS_NODE_MODULES;
const { chromium } = require(path.join(modules, "playwright-core"));
const axeSource = require("node:fs").readFileSync(path.join(modules, "axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.SXS_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let serious = 0, violations = 0, content = 0;
const summary = [];
for (const file of process.argv.slice(2)) {
  for (const [width, scheme] of [[1366, "light"], [390, "dark"]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    await page.goto(pathToFileURL(path.resolve(file)).href);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { resultTypes: ["violations"] }));
    for (const v of result.violations) {
      const bad = v.impact === "serious" || v.impact === "critical";
      if (bad) serious += v.nodes.length;
      if (CONTENT_RULES.includes(v.id)) content += v.nodes.length;
      else violations += v.nodes.length;
      console.log(`${bad ? "FAIL" : "note"} ${file} @${width}/${scheme}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0].target.join(" ")}`);
    }
    summary.push({ file, width, scheme, violations: result.violations.length });
    await page.close();
  }
}
await browser.close();
console.log(JSON.stringify({ pages: summary.length, serious, violations, content }));
process.exit(violations > 0 ? 1 : 0);
