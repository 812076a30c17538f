// The invoices tab (RULES.md §3) in Chromium against the stub: «Facturas» in the top bar lists
// what is owed first, overdue marked; «Pagar» asks, says it is a test payment, and a double click
// on the confirmation pays ONCE; «Mis servicios» warns when something is overdue; a session that
// expires while paying pays once after signing in again. Every check is against the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openAs, signIn, waitForItem, waitForRoute, click, items, screenshot, apiToken, apiGet,
  apiFetch, formatMoney, browser, shareBrowser, startStub,
} from './harness.mjs';

shareBrowser();

// Each test pays for real: a stub of its own.
async function withStub(body) {
  const stub = await startStub();
  try {
    await body(stub);
  } finally {
    await stub.cleanup();
  }
}

// The first invoice this client still owes (overdue ones are owed too).
async function owedInvoice(stub, who) {
  const token = await apiToken(stub, who);
  const { invoices } = await apiGet(stub, token, '/invoices?status=unpaid');
  for (const invoice of invoices) {
    assert.ok(['unpaid', 'overdue'].includes(invoice.status), '?status=unpaid lists only what is owed');
  }
  return { token, invoice: invoices[0] };
}

// The POST /invoices/{id}/payments requests that leave the page, with their keys.
function payments(page, id) {
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(`/invoices/${id}/payments`)) {
      sent.push(r.headers()['idempotency-key']);
    }
  });
  return sent;
}

test('the «Facturas» tab lists what is owed first and pays one invoice once under a double click', async () => {
  await withStub(async (stub) => {
    const { token, invoice } = await owedInvoice(stub, DEMO.ana);
    assert.ok(invoice, 'Ana owes an invoice');
    const page = await openAs(browser, stub.url, DEMO.ana, '/servicios', { viewport: { width: 1280, height: 800 } });
    await click(page, 'Facturas', 'tab');
    await waitForRoute(page, '/facturas');
    const pay = await waitForItem(page, `Pagar la factura n.º ${invoice.id}`, 'button');
    // Owed first: no settled invoice is drawn above the first owed one.
    const shown = await items(page);
    const { invoices: all } = await apiGet(stub, token, '/invoices');
    for (const settled of all.filter((i) => i.status === 'paid' || i.status === 'cancelled')) {
      const heading = shown.find((i) => i.label === `Factura n.º ${settled.id}`);
      if (heading) assert.ok(heading.y > pay.y, `settled invoice ${settled.id} comes after the owed ones`);
    }
    assert.ok(shown.some((i) => /prueba \(sandbox\)/.test(i.label)), 'the page says payments are test payments');
    await screenshot(page, 'invoices-tab');

    const sent = payments(page, invoice.id);
    await click(page, `Pagar la factura n.º ${invoice.id}`);
    const question = `¿Pagar la factura n.º ${invoice.id} por ${formatMoney(invoice.amount)}?`;
    await waitForItem(page, question, 'text');
    await waitForItem(page, /pago de prueba \(sandbox\)/, 'text');
    const yes = await waitForItem(page, new RegExp(`Sí, pagar ${formatMoney(invoice.amount)}`), 'button');
    await screenshot(page, 'invoices-confirm');
    await page.mouse.dblclick(yes.x + yes.w / 2, yes.y + yes.h / 2);
    await waitForItem(page, new RegExp(`la factura n\\.º ${invoice.id} está pagada`), 'text');
    assert.equal(sent.length, 1, 'one payment left the page');

    const after = await apiGet(stub, token, `/invoices/${invoice.id}`);
    assert.equal(after.status, 'paid');
    assert.equal(after.payments.length, 1, 'paid once');
    assert.equal(after.payments[0].test, true, 'a test payment');
    await waitForItem(page, /ya está habilitado/, 'text');
    await screenshot(page, 'invoices-paid');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

test('«Mis servicios» warns about an overdue invoice and leads to the tab', async () => {
  await withStub(async (stub) => {
    let who;
    let overdue = 0;
    for (const each of Object.values(DEMO)) {
      const token = await apiToken(stub, each);
      const { invoices } = await apiGet(stub, token, '/invoices');
      overdue = invoices.filter((i) => i.status === 'overdue').length;
      if (overdue > 0) {
        who = each;
        break;
      }
    }
    assert.ok(who, 'a demo client has an overdue invoice');
    const page = await openAs(browser, stub.url, who, '/servicios', { viewport: { width: 1280, height: 800 } });
    await waitForItem(page, new RegExp(`Tiene facturas vencidas \\(${overdue}\\)`), 'text');
    await screenshot(page, 'services-overdue-banner');
    await click(page, 'Ver facturas', 'link');
    await waitForRoute(page, '/facturas');
    await waitForItem(page, /^Venció el /, 'text');
    await page.context().close();
  });
});

test('a session that expires during «Pagar» pays once after signing in again', async () => {
  await withStub(async (stub) => {
    const { token, invoice } = await owedInvoice(stub, DEMO.ana);
    const page = await openAs(browser, stub.url, DEMO.ana, '/facturas', { viewport: { width: 1280, height: 800 } });
    const sent = payments(page, invoice.id);
    await click(page, `Pagar la factura n.º ${invoice.id}`);
    const yes = new RegExp(`Sí, pagar ${formatMoney(invoice.amount)}`);
    await waitForItem(page, yes, 'button');
    // The page's session ends on the server (as when it expires).
    const session = JSON.parse(await page.evaluate(() => window.sessionStorage.getItem('portal-session')));
    const out = await apiFetch(stub, session.token, '/session', { method: 'DELETE' });
    assert.ok(out.status < 300, 'the page\'s session is ended');

    await click(page, yes);
    await waitForRoute(page, '/ingresar');
    await waitForItem(page, /sesión venció|sesión expiró/i, 'text');
    await screenshot(page, 'invoices-session-expired');
    await signIn(page, DEMO.ana);
    await waitForRoute(page, '/facturas');
    await waitForItem(page, new RegExp(`la factura n\\.º ${invoice.id} está pagada`), 'text');
    assert.equal(sent.length, 2, 'refused once (401), sent once more after signing in');
    assert.equal(sent[0], sent[1], 'with the same Idempotency-Key');
    const after = await apiGet(stub, token, `/invoices/${invoice.id}`);
    assert.equal(after.status, 'paid');
    assert.equal(after.payments.length, 1, 'paid once');
    await page.context().close();
  });
});

// Presses Tab (or Shift+Tab) until the element `locator` finds has the keyboard's focus; at every
// stop on a control the drawn widget carries ImGui's focus ring, inside its window: the focus is
// visible all the way.
async function tabTo(page, locator, { backwards = false, limit = 80 } = {}) {
  const handle = await locator.elementHandle();
  for (let i = 0; i < limit; i += 1) {
    if (await handle.evaluate((el) => document.activeElement === el)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const id = await page.evaluate(() => document.activeElement?.id || '');
    if (!id.startsWith('a11y-')) continue;
    await page.waitForFunction((want) => window.portal.items().some((it) =>
      `a11y-${it.id}` === want && it.focused && !it.clipped), id);
  }
  throw new Error(`Tab never reached ${locator}`);
}

test('with the keyboard only, a client reaches «Facturas», opens an invoice and pays it, the focus visible throughout', async () => {
  await withStub(async (stub) => {
    const { token, invoice } = await owedInvoice(stub, DEMO.ana);
    const page = await openAs(browser, stub.url, DEMO.ana, '/servicios', { viewport: { width: 1280, height: 800 } });
    const sent = payments(page, invoice.id);
    const tab = page.getByRole('tab', { name: 'Facturas' });
    await tabTo(page, tab);
    await page.keyboard.press('Enter');
    await waitForRoute(page, '/facturas');

    // Forward past it and back with Shift+Tab: both directions reach the invoice's «Pagar».
    const pay = page.getByRole('button', { name: `Pagar la factura n.º ${invoice.id}` });
    await tabTo(page, pay);
    await page.keyboard.press('Tab');
    await tabTo(page, pay, { backwards: true });
    await page.keyboard.press('Enter');
    const yes = page.getByRole('button', { name: new RegExp(`Sí, pagar ${formatMoney(invoice.amount)}`) });
    await waitForItem(page, `¿Pagar la factura n.º ${invoice.id} por ${formatMoney(invoice.amount)}?`, 'text');
    await tabTo(page, yes);
    await page.keyboard.press('Space');
    await waitForItem(page, new RegExp(`la factura n\\.º ${invoice.id} está pagada`), 'text');
    assert.equal(sent.length, 1, 'one payment left the page');
    const after = await apiGet(stub, token, `/invoices/${invoice.id}`);
    assert.equal(after.status, 'paid');
    assert.equal(after.payments.length, 1, 'paid once');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
