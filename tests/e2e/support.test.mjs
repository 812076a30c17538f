// The «Soporte» tab (RULES.md §6–§8) in Chromium against the stub: the client's support plan with
// only the channels it includes; the tickets with their status and due time (overdue marked);
// «Pedir ayuda con este servicio» opens a ticket linked to the service, the client replies, and
// the ticket shows when its answer is due; the support manuals open from the tab. Every check is
// against the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openAs, waitForItem, waitForRoute, click, fill, items, nextFrame, screenshot, apiToken, apiGet,
  browser, stub, shareStubAndBrowser,
} from './harness.mjs';

// One stub for the file: the first test only reads, the second adds one ticket.
shareStubAndBrowser();

// How the page writes an API instant in Spanish, in the company's zone (GMT−3): "09/12/2026", "11:00".
function localTime(rfc3339) {
  const local = new Date(Date.parse(rfc3339) - 3 * 3600 * 1000);
  const two = (n) => String(n).padStart(2, '0');
  return {
    date: `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`,
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
  };
}

// The screen as a laptop shows it (1280×800); the checks run on a taller page, where every row
// is on screen.
async function laptopShot(page, name) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await nextFrame(page);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 1600 });
  await nextFrame(page);
}

function dueLine(ticket) {
  const { date, time } = localTime(ticket.due_at);
  const what = ticket.due_for === 'resolution' ? 'Resolución' : 'Respuesta';
  return ticket.overdue
    ? `${what} demorada: se esperaba antes del ${date} a las ${time}`
    : `${what} esperada antes del ${date} a las ${time}`;
}

test('«Soporte» shows the plan with its channels and the tickets with their due time', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const me = await apiGet(stub, token, '/me');
  assert.equal(me.support_plan, 'professional');
  const { tickets } = await apiGet(stub, token, '/tickets');
  const page = await openAs(browser, stub.url, DEMO.ana, '/servicios');
  await click(page, 'Soporte', 'tab');
  await waitForRoute(page, '/soporte');
  await waitForItem(page, 'Su plan de soporte: Profesional');
  // Professional includes the phone and remote support, not WhatsApp or Telegram (§8).
  await waitForItem(page, /^Teléfono: /);
  await waitForItem(page, /^Soporte remoto: /);
  const shown = await items(page);
  assert.ok(!shown.some((i) => /^(WhatsApp|Telegram)\b/.test(i.label)), 'no channel the plan lacks');
  for (const ticket of tickets) {
    await waitForItem(page, `Ver ticket «${ticket.subject}»`, 'button');
    if (ticket.due_at) await waitForItem(page, new RegExp(dueLine(ticket)));
  }
  // Those not closed come first.
  const rows = (await items(page)).filter((i) => /^Ver ticket «/.test(i.label));
  const closed = tickets.filter((t) => t.status === 'closed').map((t) => `Ver ticket «${t.subject}»`);
  const firstClosed = rows.findIndex((r) => closed.includes(r.label));
  if (firstClosed >= 0) assert.ok(rows.slice(firstClosed).every((r) => closed.includes(r.label)));
  await waitForItem(page, 'Cerrado');
  // The manuals on asking for help, with the titles the catalog gives them; one opens its article.
  const { books } = await apiGet(stub, token, '/manuals');
  const title = new Map(
    books.flatMap((b) => b.chapters.flatMap((c) => c.pages.map((p) => [p.slug, p.title]))));
  await waitForItem(page, 'Manuales de soporte');
  for (const slug of ['tickets', 'planes-de-soporte', 'soporte-remoto', 'migracion-de-hosting']) {
    await waitForItem(page, title.get(slug), 'link');
  }
  await laptopShot(page, 'support-tab');
  await click(page, title.get('soporte-remoto'), 'link');
  await waitForRoute(page, '/manuales/soporte-remoto');
  await waitForItem(page, title.get('soporte-remoto'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a ticket opened from a service, a reply, and the due time on screen', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const hosting = services.find((s) => s.name === 'Hosting anagarcia.example');
  const before = (await apiGet(stub, token, '/tickets')).tickets.length;
  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${hosting.id}`);
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/tickets') sent.push(r);
  });
  await click(page, 'Pedir ayuda con este servicio');
  await waitForRoute(page, `/servicios/${hosting.id}/ayuda`);
  await waitForItem(page, `Servicio: ${hosting.name}`);
  await fill(page, 'Asunto', 'El sitio anda lento');
  await fill(page, 'Mensaje', 'Tarda mucho en cargar.');
  await laptopShot(page, 'support-new-ticket');
  await click(page, 'Enviar ticket');
  await page.waitForFunction(() => /^\/soporte\/tickets\/\d+$/.test(window.portal.route()));
  const id = Number((await page.evaluate(() => window.portal.route())).split('/').pop());
  const created = await apiGet(stub, token, `/tickets/${id}`);
  assert.equal(created.ticket.service_id, hosting.id, 'the ticket is about the service');
  assert.equal(created.ticket.status, 'open');
  assert.equal(sent.length, 1, 'one ticket left the page');
  assert.equal((await apiGet(stub, token, '/tickets')).tickets.length, before + 1);
  await waitForItem(page, 'Abierto');
  await waitForItem(page, new RegExp(dueLine(created.ticket)));

  await fill(page, 'Su respuesta', 'Sigue igual de lento.');
  await click(page, 'Enviar respuesta');
  await waitForItem(page, 'Sigue igual de lento.');
  const replied = await apiGet(stub, token, `/tickets/${id}`);
  assert.equal(replied.messages.length, 2);
  assert.equal(replied.messages[1].text, 'Sigue igual de lento.');
  assert.equal(replied.ticket.status, 'open');
  // The first unanswered message keeps the clock: the same due time as before.
  assert.equal(replied.ticket.due_at, created.ticket.due_at);
  await waitForItem(page, new RegExp(dueLine(replied.ticket)));
  await laptopShot(page, 'support-ticket');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The operator's addresses (config.json "support"): a plan's phone is dialled from «Soporte»; a
// plan without WhatsApp asks for it with a ticket to sales, its subject written; a service's page
// leads to «Soporte» for both (the manual's promise).
const CONTACTS = { api: '/api/v1', support: { phone: '+54 11 5263-0000', whatsapp: '+54 9 11 5263-0001', telegram: '@panel_soporte' } };

test('phone and WhatsApp support: dialled when the plan has it, asked for when it does not', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const before = (await apiGet(stub, token, '/tickets')).tickets.length;
  const { services } = await apiGet(stub, token, '/services');
  const hosting = services.find((s) => s.type === 'hosting' && s.status === 'active');
  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${hosting.id}`, {
    viewport: { width: 1280, height: 1600 }, config: CONTACTS,
  });
  await click(page, 'Soporte por teléfono o WhatsApp');
  await waitForRoute(page, '/soporte');
  // Ana's Professional plan has the phone, not WhatsApp nor Telegram.
  await waitForItem(page, 'Llamar al +54 11 5263-0000', 'link');
  const labels = (await items(page)).map((i) => i.label);
  assert.ok(!labels.some((l) => /WhatsApp al|Telegram a/.test(l)), 'no link to a channel the plan lacks');
  await laptopShot(page, 'support-channels');

  await click(page, 'Pedir soporte por teléfono o WhatsApp', 'link');
  await waitForRoute(page, '/soporte/nuevo');
  await fill(page, 'Mensaje', 'Prefiero que me llamen.');
  await click(page, 'Enviar ticket');
  await page.waitForFunction(() => /^\/soporte\/tickets\/\d+$/.test(window.portal.route()));
  const { tickets } = await apiGet(stub, token, '/tickets');
  assert.equal(tickets.length, before + 1);
  const asked = tickets.find((t) => t.subject === 'Quiero soporte por teléfono o WhatsApp');
  assert.ok(asked, 'the ticket carries the subject written for the client');
  assert.equal(asked.department, 'sales');
  assert.equal(asked.service_id ?? null, null, 'about the plan, not the service it started from');

  // Back on «Soporte», the phone is handed to the dialler.
  await click(page, 'Soporte', 'tab');
  await waitForRoute(page, '/soporte');
  await click(page, 'Llamar al +54 11 5263-0000', 'link');
  await page.waitForFunction(() => window.portal.lastDialled === 'tel:+541152630000');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
