// Files attached to a ticket, in Chromium against the stub: «Adjuntar archivo» opens the
// browser's file picker, the file picked is sent once and listed with its size and date, and
// «Descargar» saves exactly the bytes sent; a file of a kind not taken, or too big, is refused on
// the page in words and nothing is sent. The static demo takes its smaller files the same way.
// Every check is against the API (or the bytes themselves).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DEMO, DIST, openAs, openPortal, signIn, waitForItem, waitForRoute, click, reveal, nextFrame, screenshot,
  apiToken, apiGet, startStaticServer, browser, stub, shareStubAndBrowser,
} from './harness.mjs';

shareStubAndBrowser();

// A real 1×1 PNG (the server reads the kind from the bytes, not from the name).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64');
const TEXT = Buffer.from('Registro del error\n12:01 conexión rechazada\n', 'utf8');

// Ana's open ticket of the fixtures.
async function anasOpenTicket(token) {
  const { tickets } = await apiGet(stub, token, '/tickets');
  const ticket = tickets.find((t) => t.subject === 'El correo no sale desde Outlook');
  assert.ok(ticket && ticket.status !== 'closed', 'ana has an open ticket');
  return ticket;
}

// The POSTs of files the page sends, to count them.
function recordUploads(page) {
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/attachments$/.test(new URL(r.url()).pathname)) sent.push(r);
  });
  return sent;
}

// «Adjuntar archivo», and the file handed to the picker it opens (as the client would pick it).
async function attach(page, file, label = 'Adjuntar archivo') {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, label)]);
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles(file);
}

// The screen at 1280×800 and on a 390 px phone, scrolled to `shown` (a widget's label); the
// checks run on a taller page, where everything is on screen.
async function shots(page, name, shown) {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await nextFrame(page);
    await reveal(page, await waitForItem(page, shown));
    await nextFrame(page);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 1600 });
  await nextFrame(page);
}

test('a file of a kind not taken, or too big, is refused in words and nothing is sent', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const ticket = await anasOpenTicket(token);
  const before = (await apiGet(stub, token, `/tickets/${ticket.id}`)).attachments.length;
  const page = await openAs(browser, stub.url, DEMO.ana, `/soporte/tickets/${ticket.id}`);
  const sent = recordUploads(page);

  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
  await attach(page, { name: 'planilla.xlsx', mimeType: 'application/octet-stream', buffer: zip });
  await waitForItem(page, /^«planilla\.xlsx» no es un tipo de archivo que aceptamos: solo PNG, JPEG, GIF, WebP, PDF y texto\./);
  await shots(page, 'ticket-attachment-refused-es', 'Adjuntar archivo');

  const film = Buffer.alloc(6 * 1024 * 1024, 1);
  await attach(page, { name: 'video.mp4', mimeType: 'video/mp4', buffer: film });
  await waitForItem(page, /^«video\.mp4» pesa 6,0 MB y el máximo es 5,0 MB\. Achíquelo/);

  assert.equal(sent.length, 0, 'no file left the page');
  const after = (await apiGet(stub, token, `/tickets/${ticket.id}`)).attachments.length;
  assert.equal(after, before, 'nothing new is listed');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a screenshot and a text attached to a ticket are listed and download as sent', async () => {
  const token = await apiToken(stub, DEMO.ana);
  const ticket = await anasOpenTicket(token);
  const page = await openAs(browser, stub.url, DEMO.ana, `/soporte/tickets/${ticket.id}`);
  const sent = recordUploads(page);
  await waitForItem(page, /^Se aceptan archivos PNG, JPEG, GIF, WebP, PDF y texto, de hasta 5,0 MB/);

  await attach(page, { name: 'captura.png', mimeType: 'image/png', buffer: PNG });
  await waitForItem(page, 'Archivo «captura.png» adjuntado.');
  await waitForItem(page, 'Descargar «captura.png»', 'button');
  await attach(page, { name: 'registro.txt', mimeType: 'text/plain', buffer: TEXT });
  await waitForItem(page, 'Descargar «registro.txt»', 'button');
  assert.equal(sent.length, 2, 'each file left the page once');

  const { attachments } = await apiGet(stub, token, `/tickets/${ticket.id}`);
  assert.deepEqual(attachments.map((a) => [a.name, a.media_type, a.size_bytes]), [
    ['captura.png', 'image/png', PNG.length],
    ['registro.txt', 'text/plain', TEXT.length],
  ]);
  await waitForItem(page, 'Archivos adjuntos');
  await waitForItem(page, new RegExp(`^${PNG.length} B · subido el \\d\\d/\\d\\d/\\d{4} a las \\d\\d:\\d\\d$`));

  for (const [name, bytes] of [['captura.png', PNG], ['registro.txt', TEXT]]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      click(page, `Descargar «${name}»`),
    ]);
    assert.equal(download.suggestedFilename(), name);
    assert.ok(readFileSync(await download.path()).equals(bytes), `${name}: the bytes sent`);
  }
  await waitForItem(page, /^Descargado: está en la carpeta de descargas/);
  await shots(page, 'ticket-attachments-es', 'Descargar «registro.txt»');
  await shots(page, 'ticket-attach-button-es', 'Adjuntar archivo');

  // The same screen in English (last: it is saved in ana's profile).
  await click(page, 'English');
  await waitForItem(page, 'Attached files');
  await waitForItem(page, 'Download “captura.png”', 'button');
  await waitForItem(page, /^We take PNG, JPEG, GIF, WebP, PDF and text files, up to 5\.0 MB each\.$/);
  await shots(page, 'ticket-attachments-en', 'Download “registro.txt”');
  await shots(page, 'ticket-attach-button-en', 'Attach a file');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the static demo takes a small file and refuses one past its 256 KB', async () => {
  const server = await startStaticServer(DIST);
  try {
    const page = await openPortal(browser, server.url, { viewport: { width: 1280, height: 1600 } });
    await signIn(page, DEMO.ana);
    await waitForRoute(page, '/servicios');
    await click(page, 'Soporte', 'tab');
    await waitForRoute(page, '/soporte');
    await click(page, 'Ver ticket «El correo no sale desde Outlook»');
    await page.waitForFunction(() => /^\/soporte\/tickets\/\d+$/.test(window.portal.route()));
    await waitForItem(page, /de hasta 256,0 KB cada uno\.$/);

    await attach(page, { name: 'grande.txt', mimeType: 'text/plain', buffer: Buffer.alloc(300 * 1024, 0x61) });
    await waitForItem(page, /^«grande\.txt» pesa 300,0 KB y el máximo es 256,0 KB\./);
    await attach(page, { name: 'captura.png', mimeType: 'image/png', buffer: PNG });
    await waitForItem(page, 'Archivo «captura.png» adjuntado.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      click(page, 'Descargar «captura.png»'),
    ]);
    assert.ok(readFileSync(await download.path()).equals(PNG), 'the demo gives back the bytes it kept');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await server.stop();
  }
});
