// check-report.mjs - open a respgraph report (index.html) in headless Chromium and check it.
//
// usage: node check-report.mjs DIR/index.html --units N [--screenshot FILE] [--hostile]
// Fails (exit 1) on any console error, page error, dialog (alert), failed
// request or request that leaves the file (no network fetch), when the load
// table does not have N rows, when the diagram's SVG is missing, or when the
// task panel, sorting, filtering and zoom do not work.
import { launch } from './launch.mjs';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const file = path.resolve(args[0]);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const units = Number(opt('--units'));
const shot = opt('--screenshot');
const hostile = args.includes('--hostile');
const unitsCsv = opt('--units-csv');
const clustersCsv = opt('--clusters-csv');
const noDiagram = args.includes('--no-diagram');
const problems = [];

// RFC 4180 CSV (quotes, doubled quotes, newlines in quotes), BOM dropped.
function parseCsv(text) {
  text = text.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const head = rows.shift();
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
const fail = (m) => problems.push(m);

const browser = await launch({ width: 1400, height: 1000 });
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') fail(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  page.on('dialog', async (d) => { fail(`dialog opened: ${d.message()}`); await d.dismiss(); });
  page.on('requestfailed', (r) => fail(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => { if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) fail(`network request: ${r.url()}`); });
  await page.goto('file://' + file, { waitUntil: 'load' });

  // every link to a diagram file finds it (diagrams/ego-<unit name>.svg)
  const files = await page.$$eval('a[href^="diagrams/"]', (as) => as.map((a) => a.getAttribute('href')));
  for (const f of files)
    if (!existsSync(path.join(path.dirname(file), f))) fail(`the page links ${f}, which is not there`);
  if (!noDiagram && files.length < 1) fail('the page links no diagram file');

  const rows = await page.locator('#load-table tbody tr').count();
  if (Number.isFinite(units) && rows !== units) fail(`load table has ${rows} rows, expected ${units}`);
  const overRows = await page.locator('#load-table tbody tr.over').count();
  const overCard = await page.locator('#load-chart a.bar.over').count();
  if (overRows !== overCard) fail(`overloaded rows ${overRows} != overloaded bars ${overCard}`);
  const bars = await page.locator('#load-chart a.bar').count();
  // every unit up to 80 bars (RG_CHART_MAX_BARS), then the heaviest 80 or every overloaded one
  const wantBars = Number.isFinite(units) ? (units <= 80 ? units : Math.max(80, overRows)) : bars;
  if (bars !== wantBars) fail(`load chart has ${bars} bars, expected ${wantBars}`);

  // every number of the load table equals `respgraph units`
  if (unitsCsv) {
    const want = parseCsv(readFileSync(unitsCsv, 'utf8'));
    const got = await page.$$eval('#load-table tbody tr', (trs) => trs.map((tr) => ({
      unit: tr.cells[1].textContent.trim(), rank: tr.cells[0].textContent.trim(),
      load: tr.cells[2].dataset.v, led: tr.cells[3].dataset.v, supported: tr.cells[4].dataset.v,
      chapters: tr.cells[6].textContent.trim(), partners: tr.cells[7].textContent.trim(),
      burden: tr.cells[8].textContent.trim(), cluster: tr.cells[9].dataset.v })));
    if (got.length !== want.length) fail(`load table ${got.length} rows, respgraph units ${want.length}`);
    want.forEach((w, i) => {
      const g = got[i] || {};
      for (const k of ['unit', 'rank', 'load', 'led', 'supported', 'chapters', 'partners', 'burden', 'cluster'])
        if (String(g[k]) !== String(w[k])) fail(`row ${i + 1} ${k}: page ${g[k]}, respgraph units ${w[k]}`);
    });
  }
  // cluster sizes and task counts equal `respgraph clusters`
  if (clustersCsv) {
    const want = parseCsv(readFileSync(clustersCsv, 'utf8'));
    for (const c of want) {
      const size = await page.locator(`#cluster-${c.id} .members a.ul`).count();
      if (String(size) !== c.size) fail(`cluster ${c.id}: page ${size} units, respgraph clusters ${c.size}`);
      const tasks = c.tasks ? c.tasks.split(';').length : 0;
      const shown = await page.locator(`#cluster-${c.id} p`).first().locator('a.cnt, span.zero').first().textContent();
      if (Number(shown) !== tasks) fail(`cluster ${c.id}: page ${shown} tasks, respgraph clusters ${tasks}`);
    }
  }

  if (!noDiagram) {
    const nodes = await page.locator('#collab svg g.node').count();
    if (nodes < 1) fail('the collaboration diagram SVG is not in the DOM');
    // zoom: the wheel changes the viewBox
    const before = await page.getAttribute('#collab svg', 'viewBox');
    await page.locator('#collab').hover();
    await page.mouse.wheel(0, -300);
    const after = await page.getAttribute('#collab svg', 'viewBox');
    if (before === after) fail('wheel over the diagram did not zoom');
    await page.click('button[data-zoom=reset]');
    // hovering a unit dims the rest and highlights its ties
    // the unit drawn with the most ties (the first overloaded one has many)
    const first = page.locator('#collab svg g.node.overloaded[id^=u], #collab svg g.node[id^=u]').first();
    if (await first.count()) {
      await first.dispatchEvent('mouseenter');
      const dim = await page.evaluate(() => document.querySelector('#collab svg').classList.contains('dim'));
      if (!dim) fail('hovering a unit did not dim the others');
      const drawnTies = await page.locator('#collab svg g.edge').count();
      const lit = await page.locator('#collab svg g.edge.hl').count();
      if (drawnTies > 0 && lit < 1) fail('hovering a unit highlighted none of its ties');
      await first.dispatchEvent('mouseleave');
    }
  }

  // a count opens the panel with exactly that many tasks
  const link = page.locator('#load-table a.cnt').first();
  const n = Number(await link.textContent());
  await link.click();
  const listed = await page.locator('#panel .ptask').count();
  if (await page.locator('#panel').isHidden()) fail('clicking a count did not open the task panel');
  else if (listed !== n) fail(`the panel lists ${listed} tasks for a count of ${n}`);
  await page.click('#panel .close');

  // sorting by unit name reverses nothing it should not: row count stays
  await page.click('#load-table thead th:nth-child(3)');
  const sorted = await page.$$eval('#load-table tbody tr td:nth-child(3)', (tds) => tds.map((td) => parseFloat(td.dataset.v)));
  for (let i = 1; i < sorted.length; i++) if (sorted[i - 1] < sorted[i] && sorted[i - 1] > sorted[i]) fail('sort');
  const asc = sorted.every((v, i) => i === 0 || sorted[i - 1] <= v);
  const desc = sorted.every((v, i) => i === 0 || sorted[i - 1] >= v);
  if (!asc && !desc) fail('clicking the load header did not sort the table');

  // filtering hides rows
  const firstUnit = (await page.locator('#load-table tbody tr td:nth-child(2)').first().textContent()).trim();
  await page.fill('input[data-filter=load-table]', firstUnit);
  const visible = await page.locator('#load-table tbody tr:visible').count();
  if (visible < 1 || (Number.isFinite(units) && units > 1 && visible >= rows)) fail(`filter left ${visible} of ${rows} rows`);
  await page.fill('input[data-filter=load-table]', '');

  if (hostile) {
    const pwned = await page.evaluate(() => window.__pwned === true || document.querySelectorAll('script').length !== 2);
    if (pwned) fail('hostile plan text became script');
  }
  if (shot) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot, fullPage: false });
    const base = shot.replace(/\.png$/, '');
    for (const id of ['overload', 'load', 'centrality', 'clusters', 'diagram', 'units', 'chapters', 'tasks', 'diagnostics', 'methods']) {
      const sec = page.locator(`#${id}`);
      if (await sec.count()) {
        await sec.scrollIntoViewIfNeeded();
        await page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
        const hub = page.locator('#collab svg g.node.overloaded').first();
        if (id === 'diagram' && await hub.count()) await hub.dispatchEvent('mouseenter');
        await page.screenshot({ path: `${base}-${id}.png` });
        if (id === 'diagram' && await hub.count()) await hub.dispatchEvent('mouseleave');
      }
    }
  }
} finally {
  await browser.close();
}
if (problems.length) {
  for (const p of problems) console.error('check-report: ' + p);
  process.exit(1);
}
console.log('check-report: ok ' + file);
