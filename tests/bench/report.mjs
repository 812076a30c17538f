// Assembles the measurements of scripts/bench.sh into bench/results.json and rewrites the table
// of BENCHMARKS.md between its markers (the text around them is kept). Prints the table.
// Usage: node tests/bench/report.mjs WORK_DIR RESULTS_JSON BENCHMARKS_MD
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';

const [work, resultsPath, mdPath] = process.argv.slice(2);
const read = (name) => {
  try {
    return JSON.parse(readFileSync(join(work, name), 'utf8'));
  } catch {
    return {};
  }
};
const sizes = read('sizes.json');
const demoSizes = read('demo_sizes.json');
const bareSizes = read('bare_sizes.json');
const search = read('search.json');
const loadServices = read('load_services.json');
const loadSearch = read('load_search.json');
const loadClose = read('load_services_close.json');
const loadHold = read('load_hold.json');
const browser = read('browser.json');
// Lighthouse's runs (lighthouse-N.json): the one with the median score; a run may find no Largest
// Contentful Paint (NO_LCP), hence no score.
const lighthouseRuns = readdirSync(work).filter((f) => /^lighthouse-\d+\.json$/.test(f)).map(read)
  .filter((r) => typeof r.categories?.performance?.score === 'number')
  .sort((a, b) => a.categories.performance.score - b.categories.performance.score);
const lighthouse = lighthouseRuns[Math.floor((lighthouseRuns.length - 1) / 2)] || {};
const lighthouseScores = lighthouseRuns.map((r) => Math.round(r.categories.performance.score * 100));
const headers = existsSync(join(work, 'headers.txt')) ? readFileSync(join(work, 'headers.txt'), 'utf8') : '';

const KB = 1000; // budgets in kB of 1,000 bytes
const kb = (b) => (b === undefined || b === null ? 'n/a' : `${(b / KB).toFixed(1)} kB`);
const ms = (x) => (x === undefined || x === null ? 'n/a' : `${Number(x).toFixed(2)} ms`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const rows = [];
const row = (figure, value, budget, vsBare, pass) =>
  rows.push({ figure, value, budget, vs_bare: vsBare, pass: pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL' });

// Bytes to load: the page the stub serves, by kind, then the static demo (dist/), which adds the
// backend core and the demo's data to the same page.
const k = sizes.kinds || {};
const bk = bareSizes.total || {};
for (const [name, label] of [['wasm', 'wasm'], ['js', 'JS'], ['html_css', 'HTML, CSS, config, icon']]) {
  const v = k[name] || { raw: 0, gzip: 0 };
  row(`Bytes: the stub's page, ${label} (raw / gzip -9)`, `${kb(v.raw)} / ${kb(v.gzip)}`, '', ratio(v.gzip, (bareSizes.kinds || {})[name]?.gzip), null);
}
const embeddedRow = (page, name, label, v = { raw: 0, gzip: 0, files: [] }) =>
  row(`Bytes: ${page}, of which ${label} embedded in the wasm (${v.files.length} files; raw / gzip -9 alone)`,
    `${kb(v.raw)} / ${kb(v.gzip)}`, '', '—', null);
embeddedRow("the stub's page", 'fonts', 'fonts (font files and the baked atlas)', sizes.embedded_in_wasm?.fonts);
const total = sizes.total || {};
row("Bytes: the stub's page, total (raw / gzip -9)", `${kb(total.raw)} / ${kb(total.gzip)}`, '≤ 450 kB gzip',
  ratio(total.gzip, bk.gzip), total.gzip !== undefined ? total.gzip <= 450 * KB : null);
const demoWasm = demoSizes.kinds?.wasm || {};
row('Bytes: the static demo (dist/), wasm (raw / gzip -9)', `${kb(demoWasm.raw)} / ${kb(demoWasm.gzip)}`, '',
  ratio(demoWasm.gzip, (bareSizes.kinds || {}).wasm?.gzip), null);
embeddedRow('the static demo', 'data', 'demo data (fixtures, manuals)', demoSizes.embedded_in_wasm?.data);
const demoTotal = demoSizes.total || {};
row('Bytes: the static demo (dist/), total (raw / gzip -9)', `${kb(demoTotal.raw)} / ${kb(demoTotal.gzip)}`,
  '≤ 600 kB gzip', ratio(demoTotal.gzip, bk.gzip), demoTotal.gzip !== undefined ? demoTotal.gzip <= 600 * KB : null);

// Lighthouse's default mobile run on the sign-in page the stub serves.
const audit = (id) => lighthouse.audits?.[id];
const score = lighthouse.categories?.performance?.score;
const lhValue = (id, unit) => {
  const v = audit(id)?.numericValue;
  if (v === undefined) return 'n/a';
  return unit === 'KiB' ? `${Math.round(v / 1024)} KiB` : unit === 's' ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
};
const throttling = lighthouse.configSettings?.throttling;
row(`Lighthouse ${lighthouse.lighthouseVersion ?? ''}, default mobile run (simulated: ${throttling ? `${throttling.cpuSlowdownMultiplier}× CPU, ` +
  `${throttling.rttMs} ms RTT, ${Math.round(throttling.throughputKbps / 1024 * 10) / 10} Mb/s` : 'n/a'}), sign-in page served by the stub: ` +
  `Performance score of the median of ${lighthouseRuns.length} scored runs (FCP / LCP / TBT / Speed Index / CLS / bytes)`,
  score === undefined || score === null ? 'n/a'
    : `${Math.round(score * 100)} (${lhValue('first-contentful-paint', 's')} / ${lhValue('largest-contentful-paint', 's')} / ` +
      `${lhValue('total-blocking-time')} / ${lhValue('speed-index', 's')} / ${audit('cumulative-layout-shift')?.displayValue ?? 'n/a'} / ` +
      `${lhValue('total-byte-weight', 'KiB')}); all scores: ${lighthouseScores.join(', ')}`,
  '≥ 90', '—', score === undefined || score === null ? null : score >= 0.9);

// Startup, at pixel ratio 1 and 2.
for (const [key, label, budget] of [['startup', 'pixel ratio 1', 1.2], ['startup_ratio2', 'pixel ratio 2', 1.3]]) {
  const st = browser[key] || {};
  row(`Navigation → first interactive frame, ${label} (median of ${st.runs ?? '?'}; bare ${ms(st.bare_median_ms)})`,
    ms(st.portal_median_ms), `≤ ${budget} × bare`, st.ratio ? `${st.ratio.toFixed(2)}×` : '—',
    st.ratio !== undefined ? st.ratio <= budget : null);
}
const st = browser.startup || {};

const milestones = Object.entries(st.portal_milestones_ms || {}).sort((a, b) => a[1] - b[1]);
if (milestones.length) {
  row('Start-up milestones of the portal (median ms since navigation)',
    milestones.map(([name, t]) => `${name} ${Math.round(t)}`).join(', '), 'report', '—', null);
}

// Frame CPU time.
const bareP95 = browser.bare?.frame_p95_ms;
for (const [key, label] of [['services_scroll', 'Frame CPU, services list, 1,000 services, wheel scrolling'],
  ['manuals_scroll', 'Frame CPU, manuals, 10,000 pages, wheel scrolling'],
  ['invoices_scroll', `Frame CPU, invoices, the ${browser.invoices_scroll?.invoices ?? '?'} of the 1,000 services, wheel scrolling`],
  ['tickets_scroll', 'Frame CPU, Soporte, 1,000 tickets, wheel scrolling']]) {
  const f = browser[key] || {};
  row(`${label} (the main thread's CPU time per frame, p50 / p95, ${f.frames ?? '?'} frames)`,
    `${ms(f.p50_ms)} / ${ms(f.p95_ms)}`, 'p95 ≤ 2 ms', ratio(f.p95_ms, bareP95),
    f.p95_ms !== undefined ? f.p95_ms <= 2 : null);
  row('… the same frames by the wall clock, the time the thread was descheduled included (p50 / p95)',
    `${ms(f.wall_p50_ms)} / ${ms(f.wall_p95_ms)}`, 'report', ratio(f.wall_p95_ms, browser.bare?.frame_wall_p95_ms), null);
  row(`… its accessibility mirror, in a task after the frame (p50 / p95, ${f.mirror_updates ?? '?'} updates)`,
    `${ms(f.mirror_p50_ms)} / ${ms(f.mirror_p95_ms)}`, 'report', '—', null);
}

// A click to the next screen with its data.
for (const [key, label] of [['clicks', 'the stub (API on loopback), bench client'],
  ['demo_clicks', 'the static demo (backend in the page), ana']]) {
  const c = browser[key] || {};
  const steps = Object.entries(c.steps || {}).map(([name, v]) => `${name} ${ms(v.p95_ms)}`).join(', ');
  row(`A click → the next screen with its data, ${label}: services → a service → back → manuals → an article ` +
    `(p50 / p95 of ${c.clicks ?? '?'} clicks; each step's p95: ${steps || 'n/a'})`,
  `${ms(c.p50_ms)} / ${ms(c.p95_ms)}`, key === 'clicks' ? 'p95 ≤ 50 ms' : 'report', '—',
  key === 'clicks' && c.p95_ms !== undefined ? c.p95_ms <= 50 : null);
}

// Idle.
const idle = browser.idle || {};
row('Idle: frames drawn in 5 s, login screen', `${idle.login_frames_5s ?? 'n/a'}`, '0',
  `bare: ${browser.bare?.idle_frames_5s ?? '?'}`, idle.login_frames_5s === 0);
row('Idle: frames drawn in 5 s, services list', `${idle.services_frames_5s ?? 'n/a'}`, '0',
  `bare: ${browser.bare?.idle_frames_5s ?? '?'}`, idle.services_frames_5s === 0);

// Manual search (Google Benchmark).
const benches = (search.benchmarks || []).filter((b) => b.run_type !== 'aggregate');
const toMs = (b) => b.real_time * ({ ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 }[b.time_unit] ?? 1);
const perKeystroke = (b) => (b.per_keystroke !== undefined ? b.per_keystroke * 1e3 : toMs(b));
const canc = benches.find((b) => /cancelacion$/.test(b.name));
const worst = benches.reduce((w, b) => (!w || perKeystroke(b) > perKeystroke(w) ? b : w), null);
row('Manual search, one keystroke, 10,000 pages, "cancelacion" (native)', ms(canc && toMs(canc)), '≤ 5 ms', '—',
  canc ? toMs(canc) <= 5 : null);
row(`Manual search, slowest keystroke case (${worst ? worst.name : 'n/a'})`, ms(worst && perKeystroke(worst)), '≤ 5 ms', '—',
  worst ? perKeystroke(worst) <= 5 : null);

// Heap.
const heap = browser.heap || {};
row('wasm heap after every screen once (its WebAssembly memory)', kb(heap.wasm_heap_bytes), '≤ 32 MiB',
  ratio(heap.wasm_heap_bytes, browser.bare?.wasm_heap_bytes),
  typeof heap.wasm_heap_bytes === 'number' ? heap.wasm_heap_bytes <= 32 * 1024 * 1024 : false);
row('JS heap used after every screen once (performance.memory)', kb(heap.js_heap_used_bytes), 'report',
  ratio(heap.js_heap_used_bytes, browser.bare?.js_heap_used_bytes), null);

// Stub: throughput and latency at `connections` keep-alive connections, then its memory.
const us = (x) => (x === undefined ? 'n/a' : `${(x / 1000).toFixed(2)} ms`);
const loadRow = (label, load, rpsBudget) => row(
  `Stub ${label} (${load.connections ?? '?'} keep-alive connections): req/s (p50 / p99)`,
  `${Math.round(load.rps ?? 0)} req/s (${us(load.p50_us)} / ${us(load.p99_us)}); errors ${load.errors ?? 'n/a'}`,
  `≥ ${rpsBudget.toLocaleString('en')} req/s, p99 < 10 ms; 0 errors`, '—',
  load.rps === undefined ? null : load.rps >= rpsBudget && load.p99_us < 10000 && load.errors === 0);
loadRow("GET /api/v1/services, ana's list", loadServices, 20000);
loadRow('GET /api/v1/manuals?q=cancelacion, the shipped manuals', loadSearch, 10000);
row(`Stub GET /api/v1/services, a new connection per request (diagnostic): req/s (p50 / p99)`,
  `${Math.round(loadClose.rps ?? 0)} req/s (${us(loadClose.p50_us)} / ${us(loadClose.p99_us)}); errors ${loadClose.errors ?? 'n/a'}`,
  'report', '—', null);
const MiB = 1024 * 1024;
const mib = (kb) => (kb ? `${(kb * 1024 / MiB).toFixed(1)} MiB` : 'n/a');
const rssAfterLoad = Math.max(loadServices.rss_after_kb ?? 0, loadSearch.rss_after_kb ?? 0);
row('Stub resident memory after the sign-in / after the load above (its peak, with the sign-in\'s Argon2id check)',
  `${mib(loadServices.rss_before_kb)} / ${mib(rssAfterLoad)} (${mib(loadSearch.rss_peak_kb)})`, '≤ 64 MiB after the load', '—',
  rssAfterLoad ? rssAfterLoad * 1024 <= 64 * MiB : null);
row(`Stub memory per open connection (${loadHold.held ?? '?'} held open, each answered once)`,
  loadHold.bytes_per_connection !== undefined ? `${(loadHold.bytes_per_connection / 1024).toFixed(1)} KiB` : 'n/a',
  'report', '—', null);

// Compression and caching headers.
const blocks = headers.split(/^== /m).filter(Boolean).map((b) => {
  const [name, ...lines] = b.split('\n');
  const h = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) h[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { name: name.trim(), headers: h };
});
// A file too small for gzip to shrink it (config.json, 19 bytes) is rightly sent as it is.
const tiny = (b) => !b.headers['content-encoding'] && Number(b.headers['content-length']) < 200;
const compressed = blocks.length > 0 && blocks.every((b) => /gzip|br/.test(b.headers['content-encoding'] || '') || tiny(b));
const cached = blocks.length > 0 && blocks.every((b) => b.headers.etag || /max-age|immutable/.test(b.headers['cache-control'] || ''));
const describe = (b) => `${b.name}: encoding ${b.headers['content-encoding'] || 'none'}, ` +
  `cache-control ${b.headers['cache-control'] || 'none'}, etag ${b.headers.etag ? 'yes' : 'none'}`;
row('Stub serves the page compressed (Accept-Encoding: gzip, br)', blocks.map((b) => `${b.name}: ${b.headers['content-encoding'] || (tiny(b) ? `none (${b.headers['content-length']} B)` : 'none')}`).join('; ') || 'n/a',
  'gzip or br', '—', blocks.length ? compressed : null);
row('Stub serves the page with caching headers', blocks.map((b) => `${b.name}: ${b.headers['cache-control'] || 'no cache-control'}, ${b.headers.etag ? 'etag' : 'no etag'}`).join('; ') || 'n/a',
  'ETag or immutable', '—', blocks.length ? cached : null);

const revalidate = existsSync(join(work, 'revalidate.txt')) ? readFileSync(join(work, 'revalidate.txt'), 'utf8').trim().split(' ') : [];
row('Stub revalidation: /portal-app.wasm again with its ETag (If-None-Match)',
  revalidate.length === 2 ? `${revalidate[0]}, ${revalidate[1]} bytes of body` : 'n/a', '304', '—',
  revalidate.length === 2 ? revalidate[0] === '304' : null);

const machine = {
  cpus: cpus().length, cpu_model: cpus()[0]?.model, load_average_1m_at_end: loadavg()[0],
  note: 'shared machine: other builds may run while measuring; figures vary from run to run',
};
const results = {
  when: new Date().toISOString(), machine, rows,
  raw: { sizes, demo_sizes: demoSizes, bare_sizes: bareSizes, search, load_services: loadServices, load_search: loadSearch, load_services_close: loadClose, load_hold: loadHold, browser,
    lighthouse: lighthouse.categories ? { score, scores: lighthouseScores, audits: Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint',
      'total-blocking-time', 'speed-index', 'cumulative-layout-shift', 'total-byte-weight', 'interactive']
      .map((id) => [id, audit(id)?.numericValue])) } : {},
    headers: blocks.map(describe), revalidate },
};
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');

const table = ['| figure | measured | budget | vs bare page | result |', '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.budget} | ${r.vs_bare} | ${r.pass} |`)].join('\n');
const stamp = `Measured ${results.when} on ${machine.cpus} × ${machine.cpu_model} (load average ${machine.load_average_1m_at_end.toFixed(1)} ` +
  `at the end; ${machine.note}). Headless Chromium (SwiftShader WebGL) on loopback.`;
const BEGIN = '<!-- bench:begin (written by ./portal bench) -->';
const END = '<!-- bench:end -->';
const block = `${BEGIN}\n${stamp}\n\n${table}\n${END}`;
let md = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '# Benchmarks\n\n' + BEGIN + '\n' + END + '\n';
md = md.includes(BEGIN) && md.includes(END)
  ? md.slice(0, md.indexOf(BEGIN)) + block + md.slice(md.indexOf(END) + END.length)
  : md + '\n' + block + '\n';
writeFileSync(mdPath, md);
process.stdout.write(`${stamp}\n\n${table}\n`);
const failed = rows.filter((r) => r.pass === 'FAIL').length;
process.stdout.write(`\n${rows.filter((r) => r.pass === 'PASS').length} within budget, ${failed} over budget; ` +
  `details in ${resultsPath}\n`);
