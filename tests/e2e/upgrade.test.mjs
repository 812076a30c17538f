// Upgrade wizard (RULES.md §3) in Chromium against the stub: the yearly hosting paid mid-period
// is quoted new price − paid (the manual's 150 − 100 = 50), explained line by line, and a double
// click on "confirm" creates ONE order (one new invoice); a downgrade costs nothing; a package with
// no automatic upgrade offers the request to the account executive; pending services show their
// activation estimate in "Mis servicios". Everything shown is compared with what the API says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openPortal, signIn, waitForItem, waitForRoute, click, fill, items, screenshot, apiToken,
  apiGet, formatMoney, formatDate, openAs, stub, browser, shareStubAndBrowser,
} from './harness.mjs';

shareStubAndBrowser();

// The item on the same row as another (a quote line: its label and its amount).
function sameRow(a, b) {
  return Math.abs(a.y - b.y) < 6;
}

test('the yearly hosting paid mid-period is quoted new − paid, and a double click orders once', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const hosting = services.find((s) => s.type === 'hosting' && s.plan.cycle === 'yearly' && s.status === 'active');
  assert.ok(hosting, 'the demo has a yearly hosting');
  const service = await apiGet(stub, token, `/services/${hosting.id}`);
  assert.ok(service.period_start < service.period_end);
  const { automatic, options } = await apiGet(stub, token, `/services/${hosting.id}/upgrade-options`);
  assert.equal(automatic, true);
  const up = options.find((o) => o.direction === 'up');
  assert.ok(up, 'an upgrade is offered');
  const quote = up.quote;
  // RULES.md §3: only the difference, never negative (the manual's 150 − 100 = 50).
  const expected = Math.max(0, up.plan.price.amount_cents - service.paid_for_period.amount_cents);
  assert.equal(quote.amount_cents, expected, 'the API quotes new price − paid for the period');
  const due = { amount_cents: quote.amount_cents, currency: quote.currency };
  const invoicesBefore = (await apiGet(stub, token, '/invoices')).invoices;

  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${hosting.id}/upgrade`);
  // Step 1: each option with its price per cycle and what it costs now.
  await waitForItem(page, `Elegir ${up.plan.name}`, 'button');
  const step1 = (await items(page)).map((i) => i.label);
  for (const option of options) {
    assert.ok(step1.includes(option.plan.name), `"${option.plan.name}" is offered`);
  }
  assert.ok(step1.some((l) => l.includes(formatMoney(due))), 'the amount due now is shown on the option');
  await screenshot(page, 'upgrade-options');

  // Step 2: the quote, line by line.
  await click(page, `Elegir ${up.plan.name}`);
  const total = await waitForItem(page, 'Total a pagar ahora', 'text');
  const all = await items(page);
  const amount = all.find((i) => i.label === formatMoney(due) && i.role === 'text' && sameRow(i, total));
  assert.ok(amount, `the total ${formatMoney(due)} is on the "Total a pagar ahora" line`);
  assert.ok(all.some((i) => i.label === formatMoney(up.plan.price)), 'the new plan price is a line');
  assert.ok(all.some((i) => i.label.endsWith(formatMoney(service.paid_for_period)) && i.label !== formatMoney(up.plan.price)),
    'what was already paid is a line');
  assert.ok(all.some((i) => i.label.includes(formatDate(quote.period_start)) && i.label.includes(formatDate(quote.period_end))),
    'the new period is shown');
  await screenshot(page, 'upgrade-quote');

  // Step 3: a double click on confirm, one order.
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/upgrade-orders')) posts.push(r); });
  const confirm = await waitForItem(page, 'Confirmar el cambio de plan', 'button');
  assert.ok(confirm.enabled);
  await page.mouse.dblclick(confirm.x + confirm.w / 2, confirm.y + confirm.h / 2);
  await waitForItem(page, 'Cambio de plan confirmado', 'text');
  assert.equal(posts.length, 1, 'one order request left the page');

  const invoicesAfter = (await apiGet(stub, token, '/invoices')).invoices;
  assert.equal(invoicesAfter.length, invoicesBefore.length + 1, 'exactly one new invoice');
  const fresh = invoicesAfter.find((i) => !invoicesBefore.some((b) => b.id === i.id));
  assert.equal(fresh.amount.amount_cents, quote.amount_cents);
  assert.equal(fresh.service_id, hosting.id);
  const done = (await items(page)).map((i) => i.label);
  assert.ok(done.some((l) => l.includes(`n.º ${fresh.id}`) && l.includes(formatMoney(fresh.amount))),
    'the order shows its invoice');
  assert.ok(done.some((l) => l.includes(formatDate(quote.period_start)) && l.includes(formatDate(quote.period_end))));
  assert.ok(done.some((l) => /Activación/.test(l)), 'with the activation estimate');
  const after = await apiGet(stub, token, `/services/${hosting.id}`);
  // RULES.md §3: the new plan is enabled when its invoice is paid; until then it is pending.
  assert.equal(after.plan.id, hosting.plan.id, 'the plan waits for the payment');
  assert.equal(after.pending_plan_change.to_plan_id, up.plan.id, 'the order is pending');
  assert.equal(after.pending_plan_change.invoice_id, fresh.id, 'waiting for that invoice');
  await screenshot(page, 'upgrade-done');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a downgrade shows nothing to pay and nothing refunded (phone width)', async () => {
  const token = await apiToken(stub, DEMO.carla);
  const { services } = await apiGet(stub, token, '/services');
  const radio = services.find((s) => s.type === 'audio_streaming' && s.status === 'active');
  const { options } = await apiGet(stub, token, `/services/${radio.id}/upgrade-options`);
  const down = options.find((o) => o.direction === 'down');
  assert.ok(down, 'the radio can move down');
  assert.equal(down.quote.amount_cents, 0);

  const page = await openAs(browser, stub.url, DEMO.carla, `/servicios/${radio.id}/upgrade`, { viewport: { width: 390, height: 1400 } });
  await waitForItem(page, 'Inferior', 'text');
  await waitForItem(page, 'Superior', 'text');
  await screenshot(page, 'upgrade-options-phone');
  await click(page, `Elegir ${down.plan.name}`);
  const total = await waitForItem(page, 'Total a pagar ahora', 'text');
  const all = await items(page);
  const zero = formatMoney({ amount_cents: 0, currency: down.quote.currency });
  assert.ok(all.some((i) => i.label === zero && sameRow(i, total)), `${zero} is due`);
  assert.ok(all.some((i) => /no se reembolsa/.test(i.label)), 'nothing is refunded, and it says so');
  const button = await waitForItem(page, 'Confirmar el cambio de plan', 'button');
  assert.ok(button.x + button.w <= 390, 'the confirm button fits the phone');
  await screenshot(page, 'upgrade-downgrade-phone');
  await page.context().close();
});

test('a package with no automatic upgrade offers the request to the account executive', async () => {
  const bruno = DEMO.bruno;
  const token = await apiToken(stub, bruno);
  const { services } = await apiGet(stub, token, '/services');
  const reseller = services.find((s) => s.type === 'reseller');
  const answer = await apiGet(stub, token, `/services/${reseller.id}/upgrade-options`);
  assert.equal(answer.automatic, false);

  const page = await openAs(browser, stub.url, bruno, `/servicios/${reseller.id}/upgrade`);
  await waitForItem(page, /ejecutivo de cuenta/, 'text');
  const shown = (await items(page)).map((i) => i.label);
  assert.ok(!shown.some((l) => l.startsWith('Elegir ')), 'no plan can be chosen');
  await fill(page, 'Mensaje para su ejecutivo de cuenta', 'Necesito Reseller Plata para 30 clientes.');
  await click(page, 'Enviar la solicitud');
  await waitForItem(page, /^Solicitud n\.º \d+ enviada/, 'text');
  await screenshot(page, 'upgrade-manual-request');
  await page.context().close();
});

test('pending services show their activation estimate in Mis servicios', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const pending = services.filter((s) => s.status === 'pending');
  assert.ok(pending.length > 0);
  const page = await openPortal(browser, stub.url, { viewport: { width: 1280, height: 1200 } });
  await signIn(page, DEMO.ana);
  await waitForRoute(page, '/servicios');
  for (const service of pending) {
    const estimate = await apiGet(stub, token, `/services/${service.id}/activation-estimate`);
    if (estimate.earliest) {
      await waitForItem(page, new RegExp(formatDate(estimate.earliest).replace(/\//g, '\\/')), 'text');
    } else {
      await waitForItem(page, /^Se activa en/, 'text');
    }
  }
  await screenshot(page, 'services-activation');
  await page.context().close();
});
