// «Mi cuenta» (RULES.md §10) in Chromium against the stub: the holder invites a contact with only
// `invoices`; the contact accepts the invitation on its page, signs in with its own email, pays
// an invoice and is never shown the services; the holder turns one alert off and the payment
// reaches only the channel left on. Every check is against the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openAs, openPortal, waitForItem, waitForRoute, click, fill, items, screenshot, apiToken,
  apiGet, apiCall, browser, shareBrowser, startStub, signIn, formatMoney,
} from './harness.mjs';

shareBrowser();

const LAURA = { email: 'laura@contable.example', password: 'contable-2026' };

test('a contact with only invoices pays one, sees no services, and the alert turned off stays silent', async () => {
  const stub = await startStub();
  try {
    // Tall enough that the invitation form is drawn without scrolling (a clipped field is not drawn).
    const ana = await openAs(browser, stub.url, DEMO.ana, '/servicios', { viewport: { width: 1280, height: 2800 } });
    await click(ana, 'Mi cuenta', 'tab');
    await waitForRoute(ana, '/cuenta');
    await waitForItem(ana, 'Contactos', 'text');
    await screenshot(ana, 'account-holder');

    // The invitation: a name, an email, one permission.
    await fill(ana, 'Nombre del contacto', 'Laura Contable');
    await fill(ana, 'Email del contacto', LAURA.email);
    await click(ana, 'Facturas (ver y pagar)', 'checkbox');
    await click(ana, 'Invitar');
    await waitForItem(ana, `Invitación enviada a ${LAURA.email}.`, 'text');
    const token = await apiToken(stub, DEMO.ana);
    const { contacts } = await apiGet(stub, token, '/contacts');
    assert.deepEqual(contacts.map((c) => [c.email, c.permissions, c.status]),
      [[LAURA.email, ['invoices'], 'invited']]);
    const { notifications } = await apiGet(stub, token, '/me/notifications');
    const invitation = notifications.find((n) => n.event === 'contact_invited');
    assert.equal(invitation.recipient, LAURA.email);
    assert.match(invitation.link, /^#\/invitacion\/[A-Za-z0-9_-]+$/);
    await screenshot(ana, 'account-contact-invited');

    // Ana turns off WhatsApp for paid invoices, in the alerts table.
    const row = await waitForItem(ana, 'Factura pagada', 'text');
    const whatsapp = (await items(ana)).find((i) => i.role === 'checkbox' && i.label === 'WhatsApp' &&
      Math.abs(i.y - row.y) < row.h);
    assert.ok(whatsapp, 'the row of paid invoices has a WhatsApp checkbox');
    await ana.mouse.click(whatsapp.x + whatsapp.w / 2, whatsapp.y + whatsapp.h / 2);
    await ana.waitForFunction(async ({ url, token }) => {
      const res = await fetch(`${url}/api/v1/me/alerts`, { headers: { Authorization: `Bearer ${token}` } });
      const { alerts } = await res.json();
      const paid = alerts.find((a) => a.event === 'invoice_paid');
      return paid.whatsapp === false && paid.email === true;
    }, { url: stub.url, token }, { polling: 100 });
    await screenshot(ana, 'account-alert-off');

    // Laura accepts the invitation on its page and signs in with her own email.
    const laura = await openPortal(browser, stub.url, { viewport: { width: 1280, height: 800 } });
    await laura.evaluate((link) => { window.location.hash = link; }, invitation.link);
    await waitForItem(laura, 'Aceptar invitación', 'button');
    await screenshot(laura, 'account-invitation');
    await fill(laura, 'Contraseña (8 caracteres o más)', LAURA.password);
    await click(laura, 'Aceptar invitación');
    await waitForItem(laura, `Listo: ingrese con ${LAURA.email} y su contraseña.`, 'text');
    await click(laura, 'Ir a ingresar');
    await signIn(laura, LAURA);
    await waitForRoute(laura, '/facturas');
    const shown = await items(laura);
    assert.ok(!shown.some((i) => i.label === 'Mis servicios'), 'no services tab for a contact without services_view');
    assert.ok(shown.some((i) => i.label === 'Facturas' && i.role === 'tab'));
    // A link to the services leads back to what she may see.
    await laura.evaluate(() => { window.location.hash = '#/servicios'; });
    await waitForRoute(laura, '/facturas');

    const lauraToken = await apiToken(stub, LAURA);
    const { invoices } = await apiGet(stub, lauraToken, '/invoices?status=unpaid');
    const invoice = invoices[0];
    await click(laura, `Pagar la factura n.º ${invoice.id}`);
    await click(laura, new RegExp(`Sí, pagar ${formatMoney(invoice.amount)}`));
    await waitForItem(laura, new RegExp(`la factura n\\.º ${invoice.id} está pagada`), 'text');
    await screenshot(laura, 'account-contact-paid');
    assert.equal((await apiGet(stub, token, `/invoices/${invoice.id}`)).status, 'paid');

    // The payment reached Ana by email only: WhatsApp was turned off for it.
    const after = (await apiGet(stub, token, '/me/notifications')).notifications
      .filter((n) => n.event === 'invoice_paid');
    assert.deepEqual(after.map((n) => n.channel), ['email']);
    assert.deepEqual(ana.problems, []);
    assert.deepEqual(laura.problems, []);
  } finally {
    await stub.cleanup();
  }
});

test('a contact who may only view services sees one without plan changes, cancelling, downloads or help; the holder chooses English in her details', async () => {
  const stub = await startStub();
  try {
    const token = await apiToken(stub, DEMO.ana);
    const mario = { email: 'mario@socio.example', password: 'socio-2026-ok' };
    const invited = await apiCall(stub, token, '/contacts', {
      method: 'POST',
      body: JSON.stringify({ name: 'Mario Socio', email: mario.email, permissions: ['services_view'] }),
    });
    assert.equal(invited.status, 201);
    const { notifications } = await apiGet(stub, token, '/me/notifications');
    const link = notifications.find((n) => n.event === 'contact_invited' && n.recipient === mario.email).link;
    const accepted = await apiCall(stub, null, `/invitations/${link.split('/').pop()}`, {
      method: 'POST', body: JSON.stringify({ password: mario.password }),
    });
    assert.equal(accepted.status, 200);
    const { services } = await apiGet(stub, token, '/services');
    const hosting = services.find((s) => s.status === 'active' && !s.cancellation && s.type === 'hosting');

    const page = await openAs(browser, stub.url, mario, `/servicios/${hosting.id}`, { viewport: { width: 1280, height: 2000 } });
    await waitForItem(page, hosting.name, 'text');
    await waitForItem(page, 'Manual del servicio', 'heading');
    const shown = (await items(page)).map((i) => i.label);
    for (const absent of ['Acciones', 'Upgrade/Downgrade', 'Cancelar servicio', 'Descargas', 'Pedir ayuda con este servicio']) {
      assert.ok(!shown.includes(absent), `«${absent}» is not offered to a contact without its permission`);
    }
    await screenshot(page, 'account-contact-service');
    assert.deepEqual(page.problems, []);
    await page.context().close();

    // The holder sees them all, and picks the page's language among her details.
    const holder = await openAs(browser, stub.url, DEMO.ana, `/servicios/${hosting.id}`, { viewport: { width: 1280, height: 2000 } });
    for (const offered of ['Upgrade/Downgrade', 'Cancelar servicio', 'Pedir ayuda con este servicio']) {
      await waitForItem(holder, offered, 'button');
    }
    await click(holder, 'Mi cuenta', 'tab');
    await waitForItem(holder, 'Guardar datos', 'button');
    await click(holder, 'English', 'radio');
    await waitForItem(holder, 'Save details', 'button');
    await waitForItem(holder, 'My account', 'tab');
    await holder.waitForFunction(async ({ url, token }) => {
      const res = await fetch(`${url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      return (await res.json()).language === 'en';
    }, { url: stub.url, token }, { polling: 100 });
    await screenshot(holder, 'account-holder-en');
    assert.deepEqual(holder.problems, []);
    await holder.context().close();
  } finally {
    await stub.cleanup();
  }
});
