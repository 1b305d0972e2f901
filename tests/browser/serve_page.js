// serve_page.js -- the classroom page of `spcsim serve` in headless
// Chromium, driven by puppeteer-core: the page loads, the baseline's lines
// grow, a staffing slider moves (pickers cut), the variant's lines appear,
// are the baseline's until the decision week (common random numbers) and
// below it after (ESAT: fewer pickers, more pressure, less satisfied
// employees: scenarios/README.md, bottleneck); the chain table comes;
// nothing is logged on the console; a screenshot is kept.
//
//   node serve_page.js CHROMIUM URL SCREENSHOT
"use strict";
const puppeteer = require("puppeteer-core");

const [chromium, url, shot] = process.argv.slice(2);
const PICKERS = 'input[data-path="stages.[0].servers"]';
const CUT_TO = 14;

function fail(msg) {
  console.error("serve page: FAILED: " + msg);
  process.exitCode = 1;
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--window-size=1400,1500"],
    defaultViewport: { width: 1400, height: 1500 },
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on("console", (m) => problems.push("console " + m.type() + ": " + m.text()));
    page.on("pageerror", (e) => problems.push("page error: " + e.message));
    page.on("requestfailed", (r) => {
      if (!r.url().includes("/api/events")) problems.push("request failed: " + r.url());
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector('body[data-ready="yes"]', { timeout: 20000 });
    const t0 = Date.now();
    await page.waitForFunction(() => window.spcsim.base.week.length >= 3, { timeout: 20000 });
    console.log("serve page: the baseline's first weeks after " + (Date.now() - t0) + " ms");
    // move the pickers' slider as a hand would: set it, then the input event
    await page.$eval(PICKERS, (el, v) => { el.value = v; el.dispatchEvent(new Event("input", { bubbles: true })); }, CUT_TO);
    const t1 = Date.now();
    await page.waitForFunction(() => window.spcsim.variant && window.spcsim.variant.week.length >= 3, { timeout: 30000 });
    console.log("serve page: the variant's first weeks " + (Date.now() - t1) + " ms after the slider moved");
    await page.waitForSelector("body[data-chain-rows]", { timeout: 300000 });
    await page.waitForFunction(() => window.spcsim.base.mean && window.spcsim.variant.mean, { timeout: 300000 });
    const r = await page.evaluate(() => {
      const s = window.spcsim, d = Number(document.querySelector('input[data-path="decision"]').value);
      let same = 0, before = 0, bAfter = 0, vAfter = 0, nAfter = 0;
      s.base.week.forEach((w, i) => {
        if (w < d) { before++; if (s.base.esat[i] === s.variant.esat[i]) same++; }
        else if (w >= d + 8) { bAfter += s.base.esat[i]; vAfter += s.variant.esat[i]; nAfter++; }
      });
      return { decision: d, before, same, base: bAfter / nAfter, variant: vAfter / nAfter, nAfter,
               rows: document.querySelectorAll("#chain tbody tr").length,
               words: document.querySelector("#words").textContent };
    });
    console.log("serve page: decision week " + r.decision + "; ESAT before it identical in " + r.same + " of " +
                r.before + " periods; from 8 weeks after it, mean ESAT baseline " + r.base.toFixed(2) +
                ", variant " + r.variant.toFixed(2) + " (" + r.nAfter + " periods); chain table " + r.rows + " rows");
    if (r.before === 0 || r.same !== r.before) fail("the variant differs from the baseline before the decision week");
    if (!(r.nAfter > 0 && r.variant < r.base)) fail("ESAT of the variant is not below the baseline's after the cut");
    if (r.rows !== 6) fail("the chain table has " + r.rows + " rows, expected 6");
    if (!/ESAT (fell|rose|did not change)/.test(r.words)) fail("the chain table has no words");
    await page.screenshot({ path: shot, fullPage: true });
  } finally {
    await browser.close();
  }
  for (const p of problems) fail(p);
}

main().catch((e) => fail(e.stack || String(e)));
