// The manual's procedures as guided forms on «Nuevo ticket» (RULES.md §10–§12), in Chromium
// against the stub: a change of holder asked while the client owes an overdue invoice is refused
// with that rule in words and the way to the invoices; once the invoice is paid, the same form,
// still filled in, is accepted and opens one ticket. Every check is against the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openAs, waitForItem, waitForNoItem, waitForRoute, click, fill, nextFrame, screenshot, apiToken,
  apiGet, apiCall, formatDate, browser, stub, shareStubAndBrowser,
} from './harness.mjs';

// One stub for the file: the first test pays Ana's overdue invoice and moves her hosting.
shareStubAndBrowser();

async function shot(page, name) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await nextFrame(page);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 1600 });
  await nextFrame(page);
}

test('a change of holder is refused for an overdue invoice, then accepted once it is paid', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const hosting = services.find((s) => s.name === 'Hosting anagarcia.example');
  const { invoices } = await apiGet(stub, token, '/invoices');
  const overdue = invoices.filter((i) => i.status === 'overdue');
  assert.ok(overdue.length > 0, 'Ana owes an overdue invoice (fixtures)');
  const before = (await apiGet(stub, token, '/tickets')).tickets.length;

  const page = await openAs(browser, stub.url, DEMO.ana, '/soporte', { viewport: { width: 1280, height: 1600 } });
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/tickets') sent.push(r);
  });
  await click(page, 'Nuevo ticket');
  await waitForRoute(page, '/soporte/nuevo');
  await click(page, 'Cambio de titular de un servicio', 'radio');
  // What a change of holder needs is said before it is asked.
  await waitForItem(page, /^Para cambiar de titular: la otra persona ya debe ser cliente/);
  await click(page, `${hosting.name} · Activo`, 'radio');
  await fill(page, 'Email de la cuenta que recibe el servicio', 'carla@example.com');
  await fill(page, 'Mensaje', 'Autorizo el cambio de titular a Carla.');
  await shot(page, 'procedure-change-of-holder');
  await click(page, 'Enviar ticket');
  await waitForItem(page, /Usted tiene facturas vencidas: páguelas y vuelva a enviar el pedido\./);
  await waitForItem(page, 'Todavía no podemos hacer este pedido:');
  assert.equal(sent.length, 1);
  assert.equal((await apiGet(stub, token, '/tickets')).tickets.length, before, 'no ticket was opened');
  await shot(page, 'procedure-refused');

  // The way forward: the invoices, paid (a test payment), then back to the form, still filled in.
  await click(page, 'Ver sus facturas', 'link');
  await waitForRoute(page, '/facturas');
  for (const invoice of overdue) {
    await apiCall(stub, token, `/invoices/${invoice.id}/payments`, {
      method: 'POST', body: JSON.stringify({ method: 'sandbox' }),
      headers: { 'Idempotency-Key': `pay-${invoice.id}` },
    });
  }
  await page.goBack();
  await waitForRoute(page, '/soporte/nuevo');
  // Nothing is typed again: the ticket below carries what was typed before the refusal.
  await waitForItem(page, 'Email de la cuenta que recibe el servicio', 'input');
  await click(page, 'Enviar ticket');
  await page.waitForFunction(() => /^\/soporte\/tickets\/\d+$/.test(window.portal.route()));
  const id = Number((await page.evaluate(() => window.portal.route())).split('/').pop());
  const created = await apiGet(stub, token, `/tickets/${id}`);
  assert.equal(created.ticket.kind, 'change_of_holder');
  assert.equal(created.ticket.department, 'billing');
  assert.equal(created.ticket.service_id, hosting.id);
  assert.equal(created.ticket.subject, 'Cambio de titular de un servicio', 'the procedure names it');
  assert.match(created.messages[0].text, /carla@example\.com/);
  assert.equal(sent.length, 2, 'one request per click on «Enviar ticket»');
  assert.equal((await apiGet(stub, token, '/tickets')).tickets.length, before + 1);
  await waitForItem(page, /^Ticket n\.º \d+: Cambio de titular de un servicio$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// RULES.md §9: the requirements ticked, the RustDesk ID, one of the free slots; the booked slot on
// the ticket and no longer offered. A Standard plan is told up front that it has no remote support.
test('remote support is booked on a free slot, which is then taken; a Standard plan is told it has none (in English)', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const offered = await apiGet(stub, token, '/support/remote-slots');
  assert.equal(offered.included, true, 'Ana has the Professional plan (fixtures)');
  assert.ok(offered.slots.length > 0, 'the next 10 business days have free slots');
  const first = offered.slots[0].starts_at;  // "2026-12-03T10:00:00-03:00", earliest first
  const [, day, hour] = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(first);

  const page = await openAs(browser, stub.url, DEMO.ana, '/soporte/nuevo', { viewport: { width: 1280, height: 1600 } });
  await click(page, 'Soporte remoto', 'radio');
  await waitForItem(page, /^Para el soporte remoto necesita: Windows con todas sus actualizaciones/);
  await click(page, 'Cumplo los tres requisitos', 'checkbox');
  await fill(page, 'ID de RustDesk', '123 456 789');
  // The earliest slot is the first offered, under its day. Clicked straight after typing: the
  // click that ends the field's editing must still choose the slot.
  await waitForItem(page, new RegExp(` ${formatDate(day)}$`));
  const slot = await click(page, hour, 'radio');
  await page.waitForFunction((id) => window.portal.items().some((i) => i.id === id && i.checked), slot.id);
  await fill(page, 'Mensaje', 'Outlook no recibe los correos.');
  await shot(page, 'procedure-remote-support');
  await click(page, 'Enviar ticket');
  await page.waitForFunction(() => /^\/soporte\/tickets\/\d+$/.test(window.portal.route()));
  await waitForItem(page, `Soporte remoto reservado para el ${formatDate(day)} a las ${hour}`);
  const id = Number((await page.evaluate(() => window.portal.route())).split('/').pop());
  const created = await apiGet(stub, token, `/tickets/${id}`);
  assert.equal(created.ticket.kind, 'remote_support');
  assert.equal(created.ticket.remote_slot, first);
  const after = await apiGet(stub, token, '/support/remote-slots');
  assert.ok(!after.slots.some((s) => s.starts_at === first), 'the booked slot is no longer offered');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // Bruno reads the portal in English (his details say so).
  const bruno = await openAs(browser, stub.url, DEMO.bruno, '/soporte/nuevo', { viewport: { width: 390, height: 844 } });
  await click(bruno, 'Remote support', 'radio');
  await waitForItem(bruno, /^Your support plan does not include remote support/);
  await waitForNoItem(bruno, 'Send ticket');
  await screenshot(bruno, 'procedure-remote-support-standard-phone');
  await click(bruno, 'See the support plans', 'link');
  await waitForRoute(bruno, '/manuales/planes-de-soporte');
  assert.deepEqual(bruno.problems, []);
  await bruno.context().close();
});
