// Cancellation wizard (RULES.md §4) in Chromium against the stub: a cancellation at the end of the
// period with a wrong then the right password (nothing else typed is lost, one request), an
// immediate cancellation and its withdrawal, a domain that only offers "No renovar", and a service
// that is not active. Dates and invoices shown are compared with what the API says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, openPortal, signIn, waitForItem, waitForNoItem, waitForRoute, click, fill, items,
  screenshot, apiToken, apiGet, apiCall, formatDate, openAs, byLabel, stub, browser,
  shareStubAndBrowser, goTo,
} from './harness.mjs';

shareStubAndBrowser();

// Ana's token and her first service that `wanted` accepts (there must be one: the demo data).
async function anasService(wanted, what = 'the demo has such a service') {
  const token = await apiToken(stub, DEMO.ana);
  const { services } = await apiGet(stub, token, '/services');
  const service = services.find(wanted);
  assert.ok(service, what);
  return { token, service };
}

// Records what the page sends to and gets from the cancellation routes.
function watch(page) {
  const seen = { posts: [], created: [] };
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/cancellation-requests')) {
      seen.posts.push({ body: r.postDataJSON(), key: r.headers()['idempotency-key'] });
    }
  });
  page.on('response', async (r) => {
    if (r.request().method() === 'POST' && r.url().includes('/cancellation-requests') && r.status() === 201) {
      seen.created.push(await r.json());
    }
  });
  return seen;
}

// Tall enough for the whole wizard without scrolling.
const TALL = { viewport: { width: 1280, height: 2000 } };
const END = 'Al final del período facturado';
const IMMEDIATE = 'Baja inmediata';
const ACCEPT = 'Entiendo las condiciones';
const EMAIL = 'Correo electrónico de su cuenta';
const PASSWORD = 'Contraseña de su cuenta';

test('end of period: a wrong password keeps what was typed, the right one creates one request', async () => {
  const { token, service: radio } = await anasService(
    (s) => s.type === 'audio_streaming' && s.status === 'active', 'the demo has an active radio');
  const service = await apiGet(stub, token, `/services/${radio.id}`);
  const unpaid = (await apiGet(stub, token, '/invoices')).invoices.filter(
    (i) => i.service_id === radio.id && (i.status === 'unpaid' || i.status === 'overdue'));
  assert.ok(unpaid.length > 0, 'the radio has an unpaid invoice');

  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${radio.id}/cancelar`, TALL);
  const seen = watch(page);
  await waitForItem(page, END, 'radio');
  // Every condition, with this service's unpaid invoices.
  const shown = (await items(page)).map((i) => i.label);
  for (const invoice of unpaid) {
    assert.ok(shown.some((l) => l.includes(`n.º ${invoice.id}`) && l.includes(formatDate(invoice.due_on))),
      `unpaid invoice ${invoice.id} is listed`);
  }
  assert.ok(shown.some((l) => /10 años/.test(l)), 'the 10-year backup rule');
  assert.ok(shown.some((l) => /reembolsa/.test(l)), 'no refunds');
  assert.ok(shown.some((l) => /no se renueven/.test(l)), 'domains: only no renewal');
  assert.ok(shown.some((l) => /sitio web, correos, FTP/.test(l)), 'deletion on the date');
  assert.ok(shown.some((l) => /servicio nuevo/.test(l)), 'coming back is a new contract');
  // Impossible by accident: nothing to press yet.
  assert.equal((await byLabel(page, 'Solicitar la baja', 'button')).enabled, false);
  assert.equal((await byLabel(page, ACCEPT, 'checkbox')).enabled, false, 'choose when first');

  await click(page, END, 'radio');
  // Its date: the end of the billed period (the service's period here).
  await waitForItem(page, new RegExp(`hasta el ${formatDate(service.period_end).replace(/\//g, '\\/')}`), 'text');
  await click(page, ACCEPT, 'checkbox');
  await fill(page, 'Motivo de la baja (opcional)', 'Me mudo a otra plataforma.');
  await fill(page, EMAIL, DEMO.ana.email);
  await fill(page, PASSWORD, 'not-my-password');
  await waitForItem(page, 'Solicitar la baja', 'button');
  assert.equal((await byLabel(page, 'Solicitar la baja', 'button')).enabled, true);
  await screenshot(page, 'cancellation-filled');
  await click(page, 'Solicitar la baja');
  await waitForItem(page, /no coinciden con los de su cuenta/, 'text');
  await screenshot(page, 'cancellation-wrong-password');
  // The password field was cleared (so the button waits again); the rest is as typed.
  assert.equal((await byLabel(page, 'Solicitar la baja', 'button')).enabled, false);
  assert.equal((await byLabel(page, END, 'radio')).checked, true);
  assert.equal((await byLabel(page, ACCEPT, 'checkbox')).checked, true);

  await fill(page, PASSWORD, DEMO.ana.password);
  await click(page, 'Solicitar la baja');
  await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');
  assert.equal(seen.posts.length, 2);
  assert.equal(seen.posts[0].body.password, 'not-my-password');
  assert.equal(seen.posts[1].body.password, DEMO.ana.password);
  for (const post of seen.posts) {
    assert.equal(post.body.type, 'end_of_period');
    assert.equal(post.body.reason, 'Me mudo a otra plataforma.', 'the reason was kept');
    assert.equal(post.body.email, DEMO.ana.email);
  }
  assert.notEqual(seen.posts[0].key, seen.posts[1].key, 'a new password is a new attempt');
  assert.equal(seen.created.length, 1, 'one request');

  const request = await apiGet(stub, token, `/cancellation-requests/${seen.created[0].id}`);
  assert.equal(request.status, 'scheduled');
  assert.equal(request.type, 'end_of_period');
  assert.equal(request.effective_on, service.period_end, 'what the wizard promised');
  await waitForItem(page, `Fecha de la baja: ${formatDate(request.effective_on)}`, 'text');
  await waitForItem(page, 'Retirar solicitud', 'button');
  // A second request for the same service is refused by the server: there is exactly one.
  const again = await apiCall(stub, token, `/services/${radio.id}/cancellation-requests`, {
    method: 'POST', headers: { 'Idempotency-Key': 'e2e-second' },
    body: JSON.stringify({ type: 'end_of_period', reason: '', email: DEMO.ana.email, password: DEMO.ana.password }),
  });
  assert.equal(again.status, 409);
  await screenshot(page, 'cancellation-scheduled');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an immediate cancellation warns twice, is requested once, then withdrawn', async () => {
  const { token, service: mail } = await anasService((s) => s.type === 'corporate_mail' && s.status === 'active');

  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${mail.id}/cancelar`, TALL);
  const seen = watch(page);
  await click(page, IMMEDIATE, 'radio');
  await waitForItem(page, /^Atención: con la baja inmediata/, 'text');
  await click(page, ACCEPT, 'checkbox');
  await fill(page, EMAIL, DEMO.ana.email);
  await fill(page, PASSWORD, DEMO.ana.password);
  const confirm = await waitForItem(page, 'Solicitar la baja inmediata', 'button');
  await screenshot(page, 'cancellation-immediate');
  await page.mouse.dblclick(confirm.x + confirm.w / 2, confirm.y + confirm.h / 2);
  await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');
  assert.equal(seen.posts.length, 1, 'a double click sends one request');
  const id = seen.created[0].id;
  const scheduled = await apiGet(stub, token, `/cancellation-requests/${id}`);
  assert.equal(scheduled.type, 'immediate');
  assert.equal(scheduled.status, 'scheduled');
  assert.equal(scheduled.effective_on, scheduled.requested_on, 'immediate: today');
  await waitForItem(page, `Fecha de la baja: ${formatDate(scheduled.effective_on)}`, 'text');

  // Withdraw, after a question.
  await click(page, 'Retirar solicitud');
  await waitForItem(page, /^¿Retirar la solicitud de baja\?/, 'text');
  await screenshot(page, 'cancellation-withdraw-question');
  await click(page, 'Sí, retirar la solicitud');
  await waitForItem(page, /^Solicitud retirada/, 'text');
  await waitForNoItem(page, 'Retirar solicitud', 'button');
  const withdrawn = await apiGet(stub, token, `/cancellation-requests/${id}`);
  assert.equal(withdrawn.status, 'withdrawn');
  const renew = await apiGet(stub, token, `/services/${mail.id}/auto-renew`);
  assert.equal(renew.enabled, true, 'the service renews again');
  await screenshot(page, 'cancellation-withdrawn');
  await page.context().close();
});

test('a domain offers only "No renovar"', async () => {
  const { token, service: domain } = await anasService((s) => s.type === 'domain' && s.status === 'active');
  assert.equal((await apiGet(stub, token, `/services/${domain.id}/auto-renew`)).enabled, true);

  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${domain.id}/cancelar`, TALL);
  await waitForItem(page, 'No renovar', 'button');
  const shown = await items(page);
  assert.ok(!shown.some((i) => i.role === 'radio' || i.role === 'checkbox'), 'no cancellation kinds');
  assert.ok(!shown.some((i) => i.role === 'button' && /^Solicitar la baja/.test(i.label)), 'no cancellation button');
  assert.ok(!shown.some((i) => i.label === PASSWORD), 'no password asked');
  assert.ok(shown.some((i) => i.label.includes(formatDate(domain.period_end))), 'it says until when it works');
  await screenshot(page, 'cancellation-domain');
  await click(page, 'No renovar');
  await waitForItem(page, 'Renovación automática: desactivada', 'text');
  assert.equal((await apiGet(stub, token, `/services/${domain.id}/auto-renew`)).enabled, false);
  await screenshot(page, 'cancellation-domain-no-renew');
  await page.context().close();
});

test('a service that is not active says why it cannot be cancelled (phone width)', async () => {
  const { token, service: pending } = await anasService((s) => s.status === 'pending');
  const page = await openAs(browser, stub.url, DEMO.ana, `/servicios/${pending.id}/cancelar`, { viewport: { width: 390, height: 900 } });
  await waitForItem(page, /no puede darse de baja porque su estado es «Pendiente»/, 'text');
  const shown = await items(page);
  assert.ok(!shown.some((i) => i.role === 'button' && /^Solicitar la baja/.test(i.label)));
  await screenshot(page, 'cancellation-pending-phone');
  await page.context().close();
});

test('a scheduled cancellation shows on the list and on the service, which offers only its withdrawal; withdrawn from the list, «Activo» is back', async () => {
  const { token, service: mail } = await anasService((s) => s.type === 'corporate_mail' && s.status === 'active');
  const created = await apiCall(stub, token, `/services/${mail.id}/cancellation-requests`, {
    method: 'POST',
    headers: { 'Idempotency-Key': 'e2e-scheduled-on-the-service' },
    body: JSON.stringify({
      type: 'end_of_period', reason: '', email: DEMO.ana.email, password: DEMO.ana.password,
    }),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const scheduledLine = new RegExp(`Baja programada para el ${formatDate(created.body.effective_on)}$`);
  const rowWithdraw = `Retirar solicitud: ${mail.name}`;

  // Mis servicios: the row says so and has its own way back.
  const page = await openAs(browser, stub.url, DEMO.ana, '/servicios', TALL);
  await waitForItem(page, scheduledLine, 'text');
  await waitForItem(page, rowWithdraw, 'button');
  await screenshot(page, 'services-cancellation-scheduled');

  // The service: the same line and «Retirar solicitud»; no «Cancelar servicio» and no new plan
  // change while the cancellation is scheduled.
  await click(page, mail.name, 'link');
  await waitForRoute(page, `/servicios/${mail.id}`);
  await waitForItem(page, scheduledLine);
  await waitForItem(page, 'Retirar solicitud', 'button');
  await waitForItem(page, /^Mientras la baja esté programada no se puede cambiar de plan/, 'text');
  const onService = await items(page);
  assert.ok(!onService.some((i) => i.label === 'Cancelar servicio'), 'no «Cancelar servicio»');
  const upgrade = onService.find((i) => i.label === 'Upgrade/Downgrade');
  assert.ok(upgrade && !upgrade.enabled, '«Upgrade/Downgrade» is not offered');
  await screenshot(page, 'service-cancellation-scheduled');
  // The service's «Retirar solicitud» leads to the request and its withdrawal.
  await click(page, 'Retirar solicitud');
  await waitForRoute(page, `/servicios/${mail.id}/cancelar`);
  await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');

  // Back on the list, its own «Retirar solicitud» leads there too, and withdraws it.
  await goTo(page, '/servicios');
  await click(page, rowWithdraw);
  await waitForRoute(page, `/servicios/${mail.id}/cancelar`);
  await waitForItem(page, /^Solicitud de baja n\.º \d+$/, 'text');
  await click(page, 'Retirar solicitud');
  await waitForItem(page, /^¿Retirar la solicitud de baja\?/, 'text');
  await click(page, 'Sí, retirar la solicitud');
  await waitForItem(page, /^Solicitud retirada/, 'text');
  assert.equal((await apiGet(stub, token, `/cancellation-requests/${created.body.id}`)).status, 'withdrawn');

  await goTo(page, '/servicios');
  await waitForItem(page, mail.name, 'link');
  await waitForNoItem(page, rowWithdraw, 'button');
  const listed = await items(page);
  assert.ok(!listed.some((i) => scheduledLine.test(i.label)), 'no scheduled cancellation listed');
  // «Activo» on the mail's row: its badge is level with its name.
  const name = listed.find((i) => i.label === mail.name && i.role === 'link');
  assert.ok(listed.some((i) => i.label === 'Activo' && Math.abs(i.y - name.y) < name.h + 8),
    '«Activo» on the row');
  const service = await apiGet(stub, token, `/services/${mail.id}`);
  assert.equal(service.cancellation, null);
  assert.equal(service.status, 'active');

  await click(page, mail.name, 'link');
  await waitForRoute(page, `/servicios/${mail.id}`);
  await waitForItem(page, 'Cancelar servicio', 'button');
  await waitForItem(page, 'Activo');
  await page.context().close();
});
