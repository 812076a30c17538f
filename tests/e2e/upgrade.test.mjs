// Upgrade wizard (RULES.md §3) in Chromium against the stub: the yearly hosting paid mid-period
// is quoted new price − paid for the period (the manual's 150 − 100 = 50), explained line by line,
// and a double click on "confirm" creates ONE order (one new invoice) that waits for its payment;
// «Pagar ahora» pays it and only then the service is on the new plan, its period starting that
// day. A downgrade costs nothing and is scheduled for the day after the paid period («Cambio
// programado para el …»), and «Retirar» on the service's screen withdraws it. A package with no
// automatic upgrade offers the request to the account executive; pending services show their
// activation estimate in "Mis servicios". Expected values come from the rule; the screen is
// compared with them and with what the API says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openPortal, signIn, waitForItem, waitForRoute, click, fill, items, screenshot, apiToken,
  apiGet, apiFetch, formatMoney, formatDate, openAs, byLabel, stub, browser, shareStubAndBrowser,
  startStub, goTo,
} from './harness.mjs';

shareStubAndBrowser();

// The item on the same row as another (a quote line: its label and its amount).
function sameRow(a, b) {
  return Math.abs(a.y - b.y) < 6;
}

// RULES.md §3: what was paid for the current period is the sum of the service's paid invoices of
// that period; unpaid, overdue and cancelled ones count for nothing.
function paidForPeriod(invoices, service) {
  return invoices
    .filter((i) => i.service_id === service.id && i.status === 'paid' && i.period_start === service.period_start)
    .reduce((sum, i) => sum + i.amount.amount_cents, 0);
}

// Dates as the API writes them (YYYY-MM-DD), counted in whole days.
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
// Today in the company's zone (GMT−3), the day a payment enables a plan.
function companyToday() {
  return new Date(Date.now() - 3 * 3600 * 1000).toISOString().slice(0, 10);
}
// The last day of a period of one cycle starting on `start`.
function cycleEnd(start, cycle) {
  const d = new Date(`${start}T00:00:00Z`);
  if (cycle === 'yearly') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

test('the yearly hosting is quoted new − paid, a double click orders once, and «Pagar ahora» enables the new plan', async () => {
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
  const invoicesBefore = (await apiGet(stub, token, '/invoices')).invoices;
  // RULES.md §3: only the difference, never negative (the manual's 150 − 100 = 50).
  const paid = paidForPeriod(invoicesBefore, service);
  assert.equal(service.paid_for_period.amount_cents, paid, 'paid for the period = its paid invoices');
  const expected = Math.max(0, up.plan.price.amount_cents - paid);
  assert.ok(expected > 0, 'the upgrade has something to pay');
  assert.equal(quote.amount_cents, expected, 'the API quotes new price − paid for the period');
  const due = { amount_cents: quote.amount_cents, currency: quote.currency };

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
  assert.ok(all.some((i) => i.label.endsWith(formatMoney({ amount_cents: paid, currency: quote.currency })) && i.label !== formatMoney(up.plan.price)),
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
  assert.ok(done.some((l) => /Activación/.test(l)), 'with the activation estimate');
  assert.equal(fresh.status, 'unpaid');
  // Invoice first, plan on payment: nothing changed yet.
  const waiting = await apiGet(stub, token, `/services/${hosting.id}`);
  assert.equal(waiting.plan.id, service.plan.id, 'the service keeps its plan until the invoice is paid');
  assert.equal(waiting.period_start, service.period_start);
  assert.equal(waiting.pending_plan_change.status, 'awaiting_payment');
  assert.equal(waiting.pending_plan_change.invoice_id, fresh.id);
  await waitForItem(page, /Es un pago de prueba \(sandbox\)/, 'text');
  await screenshot(page, 'upgrade-done');

  // «Pagar ahora»: a double click pays once; the new plan's period starts on the payment day.
  const pays = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes(`/invoices/${fresh.id}/payments`)) pays.push(r); });
  const payNow = await waitForItem(page, /Pagar ahora$/, 'button');
  await page.mouse.dblclick(payNow.x + payNow.w / 2, payNow.y + payNow.h / 2);
  const start = companyToday();
  const end = cycleEnd(start, up.plan.cycle);
  await waitForItem(page, `Pago de prueba registrado. El plan ${up.plan.name} ya está habilitado: período del ${formatDate(start)} al ${formatDate(end)}.`, 'text');
  assert.equal(pays.length, 1, 'one payment left the page');
  const after = await apiGet(stub, token, `/services/${hosting.id}`);
  assert.equal(after.plan.id, up.plan.id, 'paid: the service is on the new plan');
  assert.equal(after.period_start, start);
  assert.equal(after.period_end, end);
  assert.equal(after.pending_plan_change, null);
  assert.equal((await apiGet(stub, token, `/invoices/${fresh.id}`)).status, 'paid');
  await screenshot(page, 'upgrade-paid');

  // The service's screen shows the new plan.
  await click(page, 'Volver al servicio');
  await waitForRoute(page, `/servicios/${hosting.id}`);
  await waitForItem(page, new RegExp(up.plan.name), 'text');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a downgrade shows nothing to pay, is scheduled for the end of the paid period, and withdraws (phone width)', async () => {
  const token = await apiToken(stub, DEMO.carla);
  const { services } = await apiGet(stub, token, '/services');
  const radio = services.find((s) => s.type === 'audio_streaming' && s.status === 'active');
  const before = await apiGet(stub, token, `/services/${radio.id}`);
  const { options } = await apiGet(stub, token, `/services/${radio.id}/upgrade-options`);
  const down = options.find((o) => o.direction === 'down');
  assert.ok(down, 'the radio can move down');
  assert.equal(down.quote.amount_cents, 0);

  const page = await openAs(browser, stub.url, DEMO.carla, `/servicios/${radio.id}/upgrade`, { viewport: { width: 390, height: 2400 } });
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

  // RULES.md §3: scheduled for the day after the paid period; nothing changes now.
  const effective = addDays(before.period_end, 1);
  await click(page, 'Confirmar el cambio de plan');
  await waitForItem(page, `Cambio programado para el ${formatDate(effective)}`, 'text');
  await screenshot(page, 'upgrade-scheduled-phone');
  const scheduled = await apiGet(stub, token, `/services/${radio.id}`);
  assert.equal(scheduled.plan.id, before.plan.id, 'the radio keeps its plan until then');
  assert.equal(scheduled.period_end, before.period_end);
  assert.equal(scheduled.pending_plan_change.status, 'scheduled');
  assert.equal(scheduled.pending_plan_change.effective_on, effective);

  // The service's screen shows it by the plan's name, under its title (above its details),
  // explains why no other change can be ordered, and «Retirar» withdraws it, after asking.
  const changeLine = `Cambio a ${down.plan.name} programado para el ${formatDate(effective)}`;
  await click(page, 'Volver al servicio');
  await waitForRoute(page, `/servicios/${radio.id}`);
  const line = await waitForItem(page, changeLine, 'text');
  const details = await waitForItem(page, 'Detalles', 'text');
  assert.ok(line.y < details.y, 'the plan change is near the top');
  await waitForItem(page, 'Retire el cambio programado para pedir otro.', 'text');
  assert.equal((await byLabel(page, 'Upgrade/Downgrade', 'button')).enabled, false);
  // Reached by its address, the wizard says the same instead of a bare refusal.
  await goTo(page, `/servicios/${radio.id}/upgrade`);
  await waitForItem(page, 'Retire el cambio programado para pedir otro.', 'text');
  await waitForItem(page, changeLine, 'text');
  const up = options.find((o) => o.direction === 'up');
  if (up) assert.equal((await waitForItem(page, `Elegir ${up.plan.name}`, 'button')).enabled, false);
  await screenshot(page, 'upgrade-blocked-by-scheduled-phone');
  await goTo(page, `/servicios/${radio.id}`);
  await waitForItem(page, changeLine, 'text');
  await click(page, 'Retirar');
  await waitForItem(page, `¿Retirar el cambio al plan ${down.plan.name}?`, 'text');
  await screenshot(page, 'service-withdraw-question-phone');
  await click(page, 'Sí, retirar');
  await waitForItem(page, `Cambio de plan retirado: el servicio sigue con el plan ${before.plan.name}.`, 'text');
  const withdrawn = await apiGet(stub, token, `/services/${radio.id}`);
  assert.equal(withdrawn.pending_plan_change, null);
  assert.equal(withdrawn.plan.id, before.plan.id);
  await page.context().close();
});

test('a package with no automatic upgrade offers the request to the account executive', async () => {
  const bruno = DEMO.bruno;
  const token = await apiToken(stub, bruno);
  // bruno reads the portal in English (his saved language); this test reads the Spanish words.
  const spanish = await apiFetch(stub, token, '/me', { method: 'PATCH', body: JSON.stringify({ language: 'es' }) });
  assert.equal(spanish.status, 200, 'bruno\'s language is set to Spanish');
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
  await waitForItem(page, /^Solicitud enviada: ticket n\.º \d+\.$/, 'text');
  await screenshot(page, 'upgrade-manual-request');
  // The request is a ticket to sales about the service, followed from «Soporte».
  const { tickets } = await apiGet(stub, token, '/tickets');
  const request = tickets.find((t) => t.kind === 'upgrade_request');
  assert.ok(request, 'the request opened a ticket');
  assert.equal(request.department, 'sales');
  await click(page, 'Ver el ticket', 'link');
  await waitForRoute(page, `/soporte/tickets/${request.id}`);
  await waitForItem(page, 'Necesito Reseller Plata para 30 clientes.');
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

test('a session that expires while confirming an upgrade orders once after signing in again', async () => {
  // Its own stub: the order it places must not meet the other tests' orders.
  const own = await startStub();
  try {
    const token = await apiToken(own, DEMO.ana);
    const { services } = await apiGet(own, token, '/services');
    const hosting = services.find((s) => s.type === 'hosting' && s.plan.cycle === 'yearly' && s.status === 'active');
    const { options } = await apiGet(own, token, `/services/${hosting.id}/upgrade-options`);
    const up = options.find((o) => o.direction === 'up');
    const invoicesBefore = (await apiGet(own, token, '/invoices')).invoices;

    const page = await openAs(browser, own.url, DEMO.ana, `/servicios/${hosting.id}/upgrade`, { viewport: { width: 1280, height: 800 } });
    const keys = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/upgrade-orders')) keys.push(r.headers()['idempotency-key']);
    });
    await click(page, `Elegir ${up.plan.name}`);
    await waitForItem(page, 'Confirmar el cambio de plan', 'button');
    // The page's session ends on the server (as when it expires) while the review is on screen.
    const session = JSON.parse(await page.evaluate(() => window.sessionStorage.getItem('portal-session')));
    const out = await apiFetch(own, session.token, '/session', { method: 'DELETE' });
    assert.ok(out.status < 300, 'the page\'s session is ended');

    await click(page, 'Confirmar el cambio de plan');
    await waitForRoute(page, '/ingresar');
    await waitForItem(page, /sesión venció|sesión expiró/i, 'text');
    await signIn(page, DEMO.ana);
    await waitForRoute(page, `/servicios/${hosting.id}/upgrade`);
    await waitForItem(page, 'Cambio de plan confirmado', 'text');
    assert.equal(keys.length, 2, 'refused once (401), sent once more after signing in');
    assert.equal(keys[0], keys[1], 'with the same Idempotency-Key');
    const invoicesAfter = (await apiGet(own, token, '/invoices')).invoices;
    assert.equal(invoicesAfter.length, invoicesBefore.length + 1, 'one order, one invoice');
    const after = await apiGet(own, token, `/services/${hosting.id}`);
    assert.equal(after.pending_plan_change.to_plan_id, up.plan.id, 'the plan the client chose');
    assert.equal(after.pending_plan_change.status, 'awaiting_payment');
    await page.context().close();
  } finally {
    await own.cleanup();
  }
});
