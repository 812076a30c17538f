// Faults seen by the page: the stub down, an answer slower than the request timeout, a
// 500 with the contract's JSON error, a 500 that is an HTML page, a 200 that is not JSON, and a
// download whose connection is cut halfway. Each happens where the client has typed or chosen
// something: the upgrade wizard, the cancellation wizard, the service's downloads, the manuals
// search. Every time the page must say what happened in plain words with a way forward, keep what
// the client typed or chose, keep running, and — once the fault is gone — succeed on "Reintentar"
// without acting twice (counted on the stub).
//
// Faults are injected by a small proxy in front of the stub (startFaultProxy in harness.mjs); with
// `forward: true` the stub acts and only its answer is lost or spoiled. "Stub down" stops the real
// stub and starts it again on the same port and database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DEMO, startStub, startFaultProxy, openAs, openPortal, signIn, waitForItem,
  waitForRoute, click, fill, items, byLabel, screenshot, apiToken, apiGet, apiFetch, apiCall,
  formatMoney, assertAlive, browser, shareBrowser,
} from './harness.mjs';

shareBrowser();

// What the client must read: what happened, in plain words, and what to do next.
const UNREACHABLE = /No pudimos comunicarnos con el servidor/;
const TOO_SLOW = /tardó demasiado en responder/;
const SERVER_PROBLEM = /El servidor tuvo un problema/;
const UNREADABLE = /respondió algo que no entendemos/;
const WAY_FORWARD = /pulse «Reintentar»|escríbanos a soporte/;
// The request timeout of the page (src/api/transport.h, 15 s) plus room for a loaded machine.
const PAST_TIMEOUT = { timeout: 45000 };

// A fresh stub (its own database: every test orders or cancels for real) with the proxy in front.
async function setUp() {
  const stub = await startStub();
  const proxy = await startFaultProxy(stub);
  return {
    stub,
    proxy,
    async tearDown(page) {
      await page?.context().close();
      await proxy.stop();
      await stub.cleanup();
    },
  };
}

// A fresh stub that the test stops, then brings back with restart(): the stub again, on the same
// port and database (sessions and data survive, as after a restart).
async function setUpOutage() {
  const stub = await startStub();
  let back;
  return {
    stub,
    async restart() {
      back = await startStub({ port: stub.port, dbDir: stub.dir });
      return back;
    },
    async tearDown(page) {
      await page?.context().close();
      await back?.stop();
      await stub.cleanup();
    },
  };
}

// One fault test over a fresh world from `setUpWorld` (setUp or setUpOutage). The body opens its
// page through keep(), so the page is closed with the world whatever happens.
function faultTest(name, setUpWorld, body) {
  test(name, async () => {
    const world = await setUpWorld();
    let page;
    const keep = async (opening) => (page = await opening);
    try {
      await body({ ...world, keep });
    } finally {
      await world.tearDown(page);
    }
  });
}

async function waitForProblem(page, what, options) {
  const shown = await waitForItem(page, what, 'text', options);
  const labels = (await items(page)).map((i) => i.label);
  assert.ok(labels.some((l) => WAY_FORWARD.test(l)), 'the message says what to do next');
  return shown;
}

// The Idempotency-Keys of the requests the page sends to a route (method POST).
function sentKeys(page, path) {
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && path.test(new URL(r.url()).pathname)) {
      sent.push({ key: r.headers()['idempotency-key'], body: r.postDataJSON() });
    }
  });
  return sent;
}

// ---- Upgrade wizard: the plan the client chose ---------------------------------------------------

async function upgradeCase(stub) {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const hosting = services.find((s) => s.type === 'hosting' && s.plan.cycle === 'yearly' && s.status === 'active');
  assert.ok(hosting, 'the demo has a yearly hosting');
  const { options } = await apiGet(stub, token, `/services/${hosting.id}/upgrade-options`);
  const up = options.find((o) => o.direction === 'up');
  assert.ok(up, 'an upgrade is offered');
  const invoices = (await apiGet(stub, token, '/invoices')).invoices;
  return { token, hosting, up, invoices };
}

async function chooseUpgrade(page, c) {
  await click(page, `Elegir ${c.up.plan.name}`);
  await waitForItem(page, 'Total a pagar ahora', 'text');
}

// The review step is still there with the chosen plan and its amount.
async function assertChoiceKept(page, c) {
  const labels = (await items(page)).map((i) => i.label);
  assert.ok(labels.includes('Total a pagar ahora'), 'still on the quote');
  const due = formatMoney({ amount_cents: c.up.quote.amount_cents, currency: c.up.quote.currency });
  assert.ok(labels.includes(due), `the amount due (${due}) is still shown`);
  assert.ok(labels.some((l) => l.includes(c.up.plan.name)), 'the chosen plan is still the one');
}

// Exactly one order reached the books: one new invoice, the service waiting for its payment on its
// old plan (RULES.md §3: the plan changes when the invoice is paid), and every answer the stub gave
// to the page's orders names that same invoice.
async function assertOneOrder(stub, proxy, c, sent) {
  const after = (await apiGet(stub, c.token, '/invoices')).invoices;
  assert.equal(after.length, c.invoices.length + 1, 'exactly one new invoice');
  const fresh = after.find((i) => !c.invoices.some((b) => b.id === i.id));
  assert.equal(fresh.service_id, c.hosting.id);
  const service = await apiGet(stub, c.token, `/services/${c.hosting.id}`);
  assert.equal(service.plan.id, c.hosting.plan.id, 'the plan waits for the payment');
  assert.equal(service.pending_plan_change.to_plan_id, c.up.plan.id);
  assert.equal(service.pending_plan_change.invoice_id, fresh.id, 'one open order, this one');
  assert.ok(sent.length >= 2, 'the order was sent, then retried');
  assert.equal(new Set(sent.map((s) => s.key)).size, 1, 'the retry carries the same Idempotency-Key');
  if (proxy) {
    const answers = proxy.answers('POST', /\/upgrade-orders$/);
    assert.ok(answers.length >= 1);
    for (const a of answers) {
      assert.equal(a.status, 201, 'the stub never refused the retry');
      assert.equal(a.json.invoice.id, fresh.id, 'every answer is the same order');
    }
  }
  return fresh;
}

// The stub acts, its answer is lost or spoiled; "Reintentar" must show the order, not make another.
for (const { fault, what, name } of [
  { fault: 'error500', what: SERVER_PROBLEM, name: 'a 500 with the JSON error body' },
  { fault: 'garbage200', what: UNREADABLE, name: 'a 200 that is not JSON' },
  { fault: 'hang', what: TOO_SLOW, name: 'no answer within the request timeout' },
]) {
  faultTest(`upgrade: the order is placed but its answer is ${name}; the retry shows it, one order`, setUp, async ({ stub, proxy, keep }) => {
    const c = await upgradeCase(stub);
    const page = await keep(openAs(browser, proxy.url, DEMO.ana, `/servicios/${c.hosting.id}/upgrade`));
    const sent = sentKeys(page, /\/upgrade-orders$/);
    await chooseUpgrade(page, c);
    const rule = proxy.fault(fault, /\/upgrade-orders$/, { method: 'POST', forward: true });
    await click(page, 'Confirmar el cambio de plan');
    await waitForProblem(page, what, fault === 'hang' ? PAST_TIMEOUT : undefined);
    await waitForItem(page, 'Reintentar', 'button');
    assert.equal(rule.hits, 1);
    await assertChoiceKept(page, c);
    await screenshot(page, `fault-upgrade-${fault}`);
    rule.remove();
    await click(page, 'Reintentar');
    await waitForItem(page, 'Cambio de plan confirmado', 'text');
    const fresh = await assertOneOrder(stub, proxy, c, sent);
    await waitForItem(page, new RegExp(`n\\.º ${fresh.id}\\b`), 'text');
    await assertAlive(page);
  });
}

faultTest('upgrade: the stub is down when the client confirms; it comes back and the retry orders once', setUpOutage, async ({ stub, restart, keep }) => {
  const c = await upgradeCase(stub);
  const page = await keep(openAs(browser, stub.url, DEMO.ana, `/servicios/${c.hosting.id}/upgrade`));
  const sent = sentKeys(page, /\/upgrade-orders$/);
  await chooseUpgrade(page, c);
  await stub.stop();
  await click(page, 'Confirmar el cambio de plan');
  await waitForProblem(page, UNREACHABLE);
  await assertChoiceKept(page, c);
  await screenshot(page, 'fault-upgrade-down');
  const back = await restart();
  await click(page, 'Reintentar');
  await waitForItem(page, 'Cambio de plan confirmado', 'text');
  await assertOneOrder(back, null, c, sent);
  await assertAlive(page);
});

faultTest('upgrade: the options answer a 500 that is an HTML page; the retry shows them', setUp, async ({ stub, proxy, keep }) => {
  const c = await upgradeCase(stub);
  const rule = proxy.fault('html500', /\/upgrade-options$/);
  const page = await keep(openAs(browser, proxy.url, DEMO.ana, `/servicios/${c.hosting.id}/upgrade`));
  await waitForProblem(page, UNREADABLE);
  const labels = (await items(page)).map((i) => i.label);
  assert.ok(!labels.some((l) => /nginx|<html|Internal Server Error/.test(l)), 'no raw answer on screen');
  await screenshot(page, 'fault-upgrade-options-html500');
  rule.remove();
  await click(page, 'Reintentar');
  await waitForItem(page, `Elegir ${c.up.plan.name}`, 'button');
  await assertAlive(page);
});

// ---- Cancellation wizard: kind, conditions, reason, email and password -------------------------

const END = 'Al final del período facturado';
const ACCEPT = 'Entiendo las condiciones';
const REASON = 'Motivo de la baja (opcional)';
const EMAIL = 'Correo electrónico de su cuenta';
const PASSWORD = 'Contraseña de su cuenta';
const SUBMIT = 'Solicitar la baja';
const TYPED = { reason: 'Cerramos la emisora en diciembre.', email: DEMO.ana.email, password: DEMO.ana.password };

async function cancellationCase(stub) {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const radio = services.find((s) => s.type === 'audio_streaming' && s.status === 'active');
  assert.ok(radio, 'the demo has an active radio');
  return { token, radio };
}

async function fillCancellation(page) {
  await click(page, END, 'radio');
  await click(page, ACCEPT, 'checkbox');
  await fill(page, REASON, TYPED.reason);
  await fill(page, EMAIL, TYPED.email);
  await fill(page, PASSWORD, TYPED.password);
}

// What was chosen is still chosen, and the button is ready: the email and password are still
// typed (it waits for both). The texts themselves are checked in what the retry sends.
async function assertFormKept(page) {
  assert.equal((await byLabel(page, END, 'radio')).checked, true, 'the kind is still chosen');
  assert.equal((await byLabel(page, ACCEPT, 'checkbox')).checked, true, 'the conditions are still accepted');
  assert.equal((await byLabel(page, SUBMIT, 'button')).enabled, true, 'email and password are still typed');
}

// One request exists: every attempt sent what the client typed once, with one key, and every
// answer of the stub names the same request, which is scheduled.
async function assertOneCancellation(page, stub, proxy, c, sent) {
  assert.ok(sent.length >= 2, 'the request was sent, then retried');
  for (const s of sent) {
    assert.equal(s.body.type, 'end_of_period');
    assert.equal(s.body.reason, TYPED.reason, 'the reason, as typed');
    assert.equal(s.body.email, TYPED.email, 'the email, as typed');
    assert.equal(s.body.password, TYPED.password, 'the password, as typed');
  }
  assert.equal(new Set(sent.map((s) => s.key)).size, 1, 'the retry carries the same Idempotency-Key');
  let id;
  if (proxy) {
    const answers = proxy.answers('POST', /\/cancellation-requests$/);
    assert.ok(answers.length >= 1);
    for (const a of answers) assert.equal(a.status, 201, 'the stub never refused the retry');
    const ids = new Set(answers.map((a) => a.json.id));
    assert.equal(ids.size, 1, 'every answer is the same request');
    [id] = ids;
  }
  // The page shows the request; the stub has it, scheduled, and refuses a second one.
  const shown = (await items(page)).map((i) => i.label).find((l) => /^Solicitud de baja n\.º \d+$/.test(l));
  const shownId = Number(/\d+$/.exec(shown)[0]);
  if (id !== undefined) assert.equal(shownId, id);
  const request = await apiGet(stub, c.token, `/cancellation-requests/${shownId}`);
  assert.equal(request.status, 'scheduled');
  assert.equal(request.service_id, c.radio.id);
  const again = await apiCall(stub, c.token, `/services/${c.radio.id}/cancellation-requests`, {
    method: 'POST', headers: { 'Idempotency-Key': 'e2e-faults-second' },
    body: JSON.stringify({ type: 'end_of_period', reason: '', email: DEMO.ana.email, password: DEMO.ana.password }),
  });
  assert.equal(again.status, 409, 'one request is there already');
}

for (const { fault, what, name, forward } of [
  { fault: 'error500', what: SERVER_PROBLEM, name: 'a 500 with the JSON error body after the stub acted', forward: true },
  { fault: 'html500', what: UNREADABLE, name: 'a 500 HTML page before the stub saw it', forward: false },
  { fault: 'garbage200', what: UNREADABLE, name: 'a 200 that is not JSON after the stub acted', forward: true },
  { fault: 'hang', what: TOO_SLOW, name: 'no answer within the request timeout (the stub acted)', forward: true },
]) {
  faultTest(`cancellation: ${name}; the form is kept and the retry makes one request`, setUp, async ({ stub, proxy, keep }) => {
    const c = await cancellationCase(stub);
    const page = await keep(openAs(browser, proxy.url, DEMO.ana, `/servicios/${c.radio.id}/cancelar`, { viewport: { width: 1280, height: 2000 } }));
    const sent = sentKeys(page, /\/cancellation-requests$/);
    await fillCancellation(page);
    const rule = proxy.fault(fault, /\/cancellation-requests$/, { method: 'POST', forward });
    await click(page, SUBMIT);
    await waitForProblem(page, what, fault === 'hang' ? PAST_TIMEOUT : undefined);
    await waitForItem(page, 'Reintentar', 'button');
    assert.equal(rule.hits, 1);
    await assertFormKept(page);
    await screenshot(page, `fault-cancellation-${fault}`);
    rule.remove();
    await click(page, 'Reintentar');
    await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');
    await assertOneCancellation(page, stub, proxy, c, sent);
    await assertAlive(page);
  });
}

faultTest('cancellation: the stub is down on submit; the form is kept and the retry makes one request', setUpOutage, async ({ stub, restart, keep }) => {
  const c = await cancellationCase(stub);
  const page = await keep(openAs(browser, stub.url, DEMO.ana, `/servicios/${c.radio.id}/cancelar`, { viewport: { width: 1280, height: 2000 } }));
  const sent = sentKeys(page, /\/cancellation-requests$/);
  await fillCancellation(page);
  await stub.stop();
  await click(page, SUBMIT);
  await waitForProblem(page, UNREACHABLE);
  await assertFormKept(page);
  await screenshot(page, 'fault-cancellation-down');
  const back = await restart();
  await click(page, 'Reintentar');
  await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');
  await assertOneCancellation(page, back, null, c, sent);
  await assertAlive(page);
});

// ---- A service's downloads -----------------------------------------------------------------------

async function downloadCase(stub) {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  // A file big enough for a cut to land in the middle of a real transfer (the smallest one of at
  // least 64 KB among the client's active services; else the biggest there is).
  const all = [];
  for (const service of services.filter((s) => s.status === 'active' && s.type !== 'domain')) {
    const { downloads } = await apiGet(stub, token, `/services/${service.id}/downloads`);
    for (const file of downloads) all.push({ service, file });
  }
  assert.ok(all.length > 0, 'the client has downloads');
  all.sort((a, b) => a.file.size_bytes - b.file.size_bytes);
  const { service, file } = all.find((d) => d.file.size_bytes >= 65536) || all.at(-1);
  const bytes = Buffer.from(await (await apiFetch(stub, token, `/downloads/${file.id}/file`)).arrayBuffer());
  assert.equal(bytes.length, file.size_bytes);
  return { token, hosting: service, file, bytes };
}

// Retries the failed download: the saved file has exactly the stub's bytes, and the page lives.
async function retryDownloadAndCheck(page, c) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    click(page, `Reintentar ${c.file.name}`),
  ]);
  const saved = readFileSync(await download.path());
  assert.ok(saved.equals(c.bytes), 'the retried download has exactly the stub\'s bytes');
  assert.equal(createHash('sha256').update(saved).digest('hex'), c.file.sha256);
  await waitForItem(page, /Descarga guardada/, 'text');
  await assertAlive(page);
}

// The download case, and Ana's page of the service that has its file, opened through `url`.
async function openDownloadCase(stub, url, keep) {
  const c = await downloadCase(stub);
  const page = await keep(openAs(browser, url, DEMO.ana, `/servicios/${c.hosting.id}`));
  return { c, page };
}

faultTest('download: the connection is cut in the middle; the page says so and the retry saves the whole file', setUp, async ({ stub, proxy, keep }) => {
  const { c, page } = await openDownloadCase(stub, proxy.url, keep);
  await waitForItem(page, `Descargar ${c.file.name}`, 'button');
  const rule = proxy.fault('cut', new RegExp(`/downloads/${c.file.id}/file$`));
  let saved = 0;
  page.on('download', () => { saved += 1; });
  await click(page, `Descargar ${c.file.name}`);
  await waitForItem(page, `Reintentar ${c.file.name}`, 'button');
  assert.ok(rule.sentBytes > 0 && rule.sentBytes < c.file.size_bytes,
    `the body was cut in the middle (${rule.sentBytes} of ${c.file.size_bytes} bytes)`);
  const labels = (await items(page)).map((i) => i.label);
  assert.ok(labels.some((l) => /descarga se interrumpió|descarga llegó incompleta/i.test(l)),
    `the row says the download was cut: ${labels.filter((l) => /descarga|servidor/i.test(l)).join(' | ')}`);
  assert.ok(labels.some((l) => WAY_FORWARD.test(l)), 'and what to do next');
  assert.equal(saved, 0, 'no broken file was handed to the client');
  await screenshot(page, 'fault-download-cut');
  rule.remove();
  await retryDownloadAndCheck(page, c);
});

faultTest('download: the file answers a 500 with the JSON error body; the retry saves it', setUp, async ({ stub, proxy, keep }) => {
  const { c, page } = await openDownloadCase(stub, proxy.url, keep);
  const rule = proxy.fault('error500', new RegExp(`/downloads/${c.file.id}/file$`));
  await click(page, `Descargar ${c.file.name}`);
  await waitForProblem(page, SERVER_PROBLEM);
  await screenshot(page, 'fault-download-500');
  rule.remove();
  await retryDownloadAndCheck(page, c);
});

faultTest('download: the stub is down when the client downloads; it comes back and the retry saves it', setUpOutage, async ({ stub, restart, keep }) => {
  const { c, page } = await openDownloadCase(stub, stub.url, keep);
  await waitForItem(page, `Descargar ${c.file.name}`, 'button');
  await stub.stop();
  await click(page, `Descargar ${c.file.name}`);
  await waitForProblem(page, UNREACHABLE);
  await waitForItem(page, `Reintentar ${c.file.name}`, 'button');
  await restart();
  await retryDownloadAndCheck(page, c);
});

faultTest('downloads list: a 200 that is not JSON is explained; the retry lists the files', setUp, async ({ stub, proxy, keep }) => {
  const c = await downloadCase(stub);
  const rule = proxy.fault('garbage200', new RegExp(`/services/${c.hosting.id}/downloads$`));
  const page = await keep(openAs(browser, proxy.url, DEMO.ana, `/servicios/${c.hosting.id}`));
  await waitForProblem(page, UNREADABLE);
  await waitForItem(page, c.hosting.name, 'text');
  await screenshot(page, 'fault-downloads-list-garbage');
  rule.remove();
  await click(page, 'Reintentar');
  await waitForItem(page, `Descargar ${c.file.name}`, 'button');
  await assertAlive(page);
});

// ---- Manuals search: what the client typed ------------------------------------------------------

const SEARCH = 'Buscar en los manuales';
const QUERY = 'cancelacion';

async function openManuals(url) {
  const page = await openPortal(browser, url, { viewport: { width: 1280, height: 1600 } });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  await click(page, 'Manuales', 'tab');
  await waitForRoute(page, '/manuales');
  await waitForItem(page, SEARCH, 'input');
  return page;
}

// The searches the page sends (their q).
function searches(page) {
  const sent = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/manuals') && url.searchParams.has('q')) sent.push(url.searchParams.get('q'));
  });
  return sent;
}

// The retry searches for what the client typed (nothing retyped) and shows its results.
async function retrySearch(stub, page, sent) {
  const { results } = await apiGet(stub, null, `/manuals?q=${QUERY}&limit=50`);
  const wanted = results.find((r) => r.slug === 'cancelacion');
  assert.ok(wanted, 'the API finds the article');
  const before = sent.length;
  await click(page, 'Reintentar');
  await waitForItem(page, wanted.title, 'link');
  assert.equal(sent.at(-1), QUERY, 'the retry searched for the text the client typed');
  assert.ok(sent.length > before);
  assert.ok((await byLabel(page, SEARCH, 'input')), 'the search field is still there');
}

for (const { fault, what } of [
  { fault: 'error500', what: SERVER_PROBLEM },
  { fault: 'garbage200', what: UNREADABLE },
  { fault: 'hang', what: TOO_SLOW },
]) {
  faultTest(`manuals search: ${fault} is explained; the retry searches for what was typed`, setUp, async ({ stub, proxy, keep }) => {
    const page = await keep(openManuals(proxy.url));
    const sent = searches(page);
    // All but the last letter first (answered), then the last keystroke meets the fault: one
    // request, so a hang costs one timeout.
    const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === QUERY.slice(0, -1));
    await fill(page, SEARCH, QUERY.slice(0, -1));
    await answered;
    const rule = proxy.fault(fault, /\/manuals\?q=/);
    await page.keyboard.type(QUERY.at(-1));
    await waitForProblem(page, what, fault === 'hang' ? PAST_TIMEOUT : undefined);
    await screenshot(page, `fault-manuals-${fault}`);
    rule.remove();
    await retrySearch(stub, page, sent);
    await assertAlive(page);
  });
}

faultTest('manuals search: the stub is down while the client types; it comes back and the retry searches', setUpOutage, async ({ stub, restart, keep }) => {
  const page = await keep(openManuals(stub.url));
  const sent = searches(page);
  await stub.stop();
  // keyboard.type() returns once the keys are sent, and the page takes them one per frame: on a
  // busy machine the last ones arrive after an earlier text's search has already failed and shown
  // the problem. Their search must fail too before the stub comes back; otherwise it reaches the
  // restarted stub, and its results take the place of «Reintentar» under the click (which then
  // opens the first article).
  const wholeTextFailed = page.waitForEvent('requestfailed', {
    predicate: (r) => new URL(r.url()).searchParams.get('q') === QUERY,
    timeout: PAST_TIMEOUT.timeout,
  });
  await fill(page, SEARCH, QUERY);
  await wholeTextFailed;
  await waitForProblem(page, UNREACHABLE);
  const back = await restart();
  await retrySearch(back, page, sent);
  await assertAlive(page);
});
