// check-layout.mjs - the report page on a phone, on a laptop and for print,
// in headless Chromium (print-to-PDF itself is checked by check-report.sh).
//
// usage: node check-layout.mjs DIR/index.html [--shots DIR] [--quiet]
// Fails (exit 1) when, at 390x844 or 1366x768:
//  - the sticky header takes more than 15% of the screen height;
//  - the page scrolls sideways (document scrollWidth > the viewport width),
//    or a table wider than its place has no box of its own that scrolls;
//  - a chart's text is drawn smaller than 10 px (font size x the SVG's scale);
// and when the search box does not find a unit by part of its name (and
// jump to its section on Enter), a task by a piece of its text, or finds
// something for a word that is nowhere; and when, as printed, the page is
// wider than A4, the leaders' summary is not shown, the header and the search are not hidden, or the
// units' sections are printed without being asked for (or not when asked).
// --quiet: print only the problems (the mutation runs of check-report.sh).
import { launch } from './launch.mjs';
import path from 'node:path';

const args = process.argv.slice(2);
const file = path.resolve(args[0]);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const shots = opt('--shots');
const quiet = args.includes('--quiet');
const problems = [];
const fail = (m) => problems.push(m);
const MAX_HEADER = 0.15;
const MIN_TEXT_PX = 10 - 0.05; // rounding of the viewBox scale

const browser = await launch({ width: 390, height: 844 });

// What a screen of this size shows: header height, sideways scrolling,
// tables that stick out of the page, the smallest chart text.
async function measure(page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.top');
    const scrolls = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const loose = [];
    document.querySelectorAll('main table, main svg.chart, main pre').forEach((e) => {
      if (e.getBoundingClientRect().right > window.innerWidth + 0.5 && !scrolls(e))
        loose.push((e.id || e.className.baseVal || e.className || e.tagName) + '');
    });
    let minText = Infinity, where = '';
    document.querySelectorAll('svg.chart text').forEach((t) => {
      const m = t.getScreenCTM();
      const px = parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
      if (px < minText) { minText = px; where = t.closest('svg').id + ' "' + t.textContent + '"'; }
    });
    return {
      header: header ? header.getBoundingClientRect().height : 0,
      sticky: header ? getComputedStyle(header).position : '',
      scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      loose, minText, where,
    };
  });
}

async function screen(page, width, height, name) {
  await page.setViewportSize({ width, height });
  await page.goto('file://' + file, { waitUntil: 'load' });
  const m = await measure(page);
  const tag = `${width}x${height}`;
  if (m.header > MAX_HEADER * height)
    fail(`${tag}: the header is ${m.header.toFixed(1)} px, more than ${MAX_HEADER * 100}% of ${height} (${(MAX_HEADER * height).toFixed(1)} px)`);
  if (m.scrollWidth > width) fail(`${tag}: the page scrolls sideways (scrollWidth ${m.scrollWidth} > ${width})`);
  if (m.loose.length) fail(`${tag}: wider than the page without a box that scrolls: ${m.loose.slice(0, 5).join(', ')}`);
  if (m.minText < MIN_TEXT_PX) fail(`${tag}: chart text drawn at ${m.minText.toFixed(2)} px (${m.where}), under 10 px`);
  if (!quiet)
    console.log(`check-layout: ${tag}: header ${m.header.toFixed(1)} px (${(100 * m.header / height).toFixed(1)}%, ${m.sticky}), ` +
      `scrollWidth ${m.scrollWidth}, smallest chart text ${m.minText.toFixed(2)} px`);
  if (shots) await page.screenshot({ path: path.join(shots, name) });
}

// The search box: a unit by part of its name, a task by a piece of its text.
async function search(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('file://' + file, { waitUntil: 'load' });
  const probe = await page.evaluate(() => {
    const d = JSON.parse(document.getElementById('rg-data').textContent);
    const u = d.units.findIndex((x, i) => x.kind === 'unit' && document.getElementById('unit-' + i));
    const t = d.tasks.find((x) => [...x.x].length >= 12);
    return { unit: u, name: u >= 0 ? d.units[u].name : '', task: t ? t.o : -1, text: t ? [...t.x].slice(4, 12).join('') : '' };
  });
  if (probe.unit >= 0) {
    const part = [...probe.name].slice(1).join(''); // without the leading 市
    await page.fill('#q', part);
    if (await page.locator('#qres').isHidden()) fail(`search "${part}": no results shown`);
    const hit = await page.locator(`#qres a[href="#unit-${probe.unit}"]`).count();
    if (hit !== 1) fail(`search "${part}": ${probe.name} (#unit-${probe.unit}) not among the results`);
    // Enter goes to the first result; the first result is this unit when
    // no other name contains the part
    const first = await page.locator('#qres a.first').getAttribute('href');
    await page.press('#q', 'Enter');
    const hash = await page.evaluate(() => location.hash);
    if (hash !== first) fail(`search "${part}": Enter went to ${hash}, not the first result ${first}`);
    if (await page.locator('#qres').isVisible()) fail('search: the results stay open after a jump');
    if (shots) {
      await page.fill('#q', part);
      await page.screenshot({ path: path.join(shots, 'report-phone-search.png') });
    }
  }
  if (probe.task >= 0) {
    await page.fill('#q', probe.text);
    const hit = await page.locator(`#qres a[href="#task-${probe.task}"]`).count();
    if (hit !== 1) fail(`search "${probe.text}": task #task-${probe.task} not among the results`);
    const marked = await page.locator('#task-table tbody tr.hit').count();
    if (marked < 1) fail(`search "${probe.text}": no row of the task list is highlighted`);
  }
  await page.fill('#q', '无此词语zqx');
  const none = await page.locator('#qres a').count();
  if (none !== 0) fail(`search for a word that is nowhere lists ${none} results`);
  await page.fill('#q', '');
  if (await page.locator('#qres').isVisible()) fail('search: an empty box still shows results');
}

// As printed (CSS print media): the summary first, no header, no controls,
// units only when asked for.
async function print(page) {
  // the width of A4 inside html.css's margins (210 - 2 x 12 mm): anything
  // wider makes Chromium shrink every printed page to fit it
  const A4_PX = Math.floor((210 - 2 * 12) / 25.4 * 96);
  await page.setViewportSize({ width: A4_PX, height: 1000 });
  await page.goto('file://' + file, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const wide = await page.evaluate((w) => ({
    sw: document.documentElement.scrollWidth,
    what: [...document.querySelectorAll('main table, main svg, main div')]
      .filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => e.id || e.closest('section').id).slice(0, 5),
  }), A4_PX);
  if (wide.sw > A4_PX) fail(`print: the page is ${wide.sw} px wide, more than A4's ${A4_PX} (${wide.what.join(', ')}): every page would be shrunk`);
  const shown = (sel) => page.evaluate((s) => {
    const e = document.querySelector(s);
    return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
  }, sel);
  if (!await shown('#brief')) fail('print: the leaders\' summary (#brief) is not shown');
  if (await shown('header.top')) fail('print: the header is printed');
  if (await shown('#q')) fail('print: the search box is printed');
  const unitSel = '#units section.unit';
  const hasUnits = await page.locator(unitSel).count();
  if (hasUnits && await shown(unitSel)) fail('print: the units\' sections are printed without being asked for');
  await page.emulateMedia({ media: 'screen' });
  if (await shown('#brief')) fail('screen: the leaders\' summary (print only) is shown');
  if (hasUnits) {
    await page.check('#print-units');
    await page.emulateMedia({ media: 'print' });
    if (!await shown(unitSel)) fail('print: "print every unit" is ticked but the units are not printed');
  }
}

try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  await screen(page, 390, 844, 'report-phone.png');
  await screen(page, 1366, 768, 'report-laptop.png');
  await search(page);
  await print(page);
} finally {
  await browser.close();
}
if (problems.length) {
  for (const p of problems) console.error('check-layout: ' + p);
  process.exit(1);
}
if (!quiet) console.log('check-layout: ok ' + file);
