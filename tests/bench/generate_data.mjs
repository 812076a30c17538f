// Generates the big data sets of `./portal bench` into a folder, deterministically:
//   <out>/fixtures/: the demo fixtures plus bench@example.com (password demo1234) with 1,000
//     services and 1,000 tickets, clones of the demo ones (every type, status and department);
//   <out>/manuals/: the real articles plus generated Spanish pages up to 10,000 in all, with
//     words drawn from the real articles (accents included).
// Usage: node tests/bench/generate_data.mjs OUT_DIR [services=1000] [pages=10000]
import { mkdirSync, readFileSync, writeFileSync, readdirSync, statSync, copyFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

export const BENCH_CLIENT = { email: 'bench@example.com', password: 'demo1234' };

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// xorshift32: the same data on every run.
function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
}

export function generateFixtures(out, count = 1000) {
  const source = join(ROOT, 'server-stub/fixtures');
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name !== 'clients.json' && !name.endsWith('.md')) copyFileSync(join(source, name), join(out, name));
  }
  const clients = JSON.parse(readFileSync(join(source, 'clients.json'), 'utf8'));
  const templates = clients.clients.flatMap((c) => c.services || []);
  const services = [];
  for (let i = 0; i < count; ++i) {
    const t = JSON.parse(JSON.stringify(templates[i % templates.length]));
    const n = String(i + 1).padStart(4, '0');
    t.name = `${t.name} #${n}`;
    if (t.domain) t.domain = `b${n}-${t.domain}`;
    services.push(t);
  }
  // As many tickets, clones of the demo tickets, each about one of those services.
  const ticketTemplates = clients.clients.flatMap((c) => c.tickets || []);
  const tickets = [];
  for (let i = 0; i < count; ++i) {
    const t = JSON.parse(JSON.stringify(ticketTemplates[i % ticketTemplates.length]));
    t.subject = `${t.subject} #${String(i + 1).padStart(4, '0')}`;
    if (t.service) t.service = services[i].name;
    tickets.push(t);
  }
  clients.clients.push({
    email: BENCH_CLIENT.email, password: BENCH_CLIENT.password, name: 'Banco de Pruebas',
    phone: '+54 9 11 5555-0199', language: 'es', support_plan: 'professional', services, tickets,
  });
  writeFileSync(join(out, 'clients.json'), JSON.stringify(clients, null, 1));
  return out;
}

export function generateManuals(out, total = 10000) {
  const source = join(ROOT, 'assets/manuals');
  const real = walk(source).filter((p) => p.endsWith('.md') && !p.endsWith('README.md'));
  const words = new Set();
  for (const path of real) {
    const target = join(out, relative(source, path));
    mkdirSync(dirname(target), { recursive: true });
    const text = readFileSync(path, 'utf8');
    writeFileSync(target, text);
    const body = text.split('\n---').slice(1).join(' ');
    for (const w of body.toLowerCase().match(/[\p{L}]{3,}/gu) || []) words.add(w);
  }
  const vocab = [...words].sort();
  const rnd = random(0x5eed);
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * rnd() ** 3))];
  const phrase = (n) => Array.from({ length: n }, word).join(' ');
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  for (let i = real.length; i < total; ++i) {
    const book = i % 3;
    const chapter = Math.floor(i / 100) % 20;
    const dir = join(out, `generado-${book}`, `capitulo-${String(chapter).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    const slug = `pagina-${String(i).padStart(5, '0')}`;
    const title = cap(phrase(3 + (i % 6)));
    const paragraphs = Array.from({ length: 4 }, () => cap(phrase(40 + Math.floor(rnd() * 30))) + '.');
    const text = `---\nslug: ${slug}\ntitle: ${title}\nbook: Generado ${book + 1}\n` +
      `chapter: Capítulo ${chapter + 1}\norder: ${(i % 100) * 10}\n---\n# ${title}\n\n` +
      `${paragraphs[0]} **${phrase(2)}** ${phrase(5)}.\n\n## ${cap(phrase(3))}\n\n${paragraphs[1]}\n\n` +
      `- ${phrase(4)}\n- ${phrase(5)}\n- ${phrase(3)}\n\n${paragraphs[2]} [${phrase(2)}](manual:servicio-hosting).\n\n` +
      `${paragraphs[3]}\n`;
    writeFileSync(join(dir, `${slug}.md`), text);
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node tests/bench/generate_data.mjs OUT_DIR [services] [pages]');
    process.exit(2);
  }
  generateFixtures(join(out, 'fixtures'), Number(process.argv[3] || 1000));
  generateManuals(join(out, 'manuals'), Number(process.argv[4] || 10000));
  console.log(`generated ${out}/fixtures and ${out}/manuals`);
}
