// Bytes to load: every file of a built page folder, raw and gzip -9 (zlib level 9, the
// same deflate as `gzip -9`), by kind; plus what the wasm carries inside, read from the web
// build's build.ninja: the files compiled in (scripts/compile_files.py: the fonts and the baked
// atlas, in every page; the demo's data, in the demo's) and any of the program's link step
// (--embed-file).
// Prints JSON.
// Usage: node tests/bench/sizes.mjs SITE_DIR [WEB_BUILD_DIR]
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kindOf = (file) => {
  const ext = extname(file);
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (['.ttf', '.otf', '.woff', '.woff2'].includes(ext)) return 'fonts';
  if (ext === '.data') return 'data';
  return 'html_css';
};

export function pageSizes(site, webBuild) {
  const kinds = {};
  const files = [];
  for (const path of walk(site).sort()) {
    const bytes = readFileSync(path);
    const entry = { file: path.slice(site.length + 1), kind: kindOf(path), raw: bytes.length, gzip: gz(bytes) };
    files.push(entry);
    const k = (kinds[entry.kind] ||= { raw: 0, gzip: 0 });
    k.raw += entry.raw;
    k.gzip += entry.gzip;
  }
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const embedded = { fonts: { raw: 0, gzip: 0, files: [] }, data: { raw: 0, gzip: 0, files: [] } };
  const ninja = webBuild && join(webBuild, 'build.ninja');
  if (ninja && existsSync(ninja)) {
    const sources = new Set();
    const text = readFileSync(ninja, 'utf8');
    // The link step of the program written into `site` (e.g. "build site/portal-app.js: ...LINKER...").
    const folder = relative(webBuild, site);
    const link = text.split(/\n(?=build )/)
      .filter((block) => block.startsWith(`build ${folder}/`) && /^build \S+\.js: \S*LINKER/.test(block))
      .join('\n');
    for (const m of link.matchAll(/--embed-file\s+([^@\s]+)@(\S+)/g)) sources.add(m[1]);
    // Each source compile_files.py writes (OUT.cpp TABLE NAME=PATH ...) that this program links.
    for (const m of text.matchAll(/compile_files\.py (\S+) \S+((?: [^=\s]+=\S+)+)/g)) {
      const object = `${m[1].split('/').pop()}.o`;
      if (!link.includes(object)) continue;
      for (const file of m[2].matchAll(/[^=\s]+=(\S+)/g)) sources.add(file[1]);
    }
    for (const source of sources) {
      if (!existsSync(source)) continue;
      const paths = statSync(source).isDirectory() ? walk(source) : [source];
      for (const path of paths) {
        let bytes = readFileSync(path);
        // compile_files.py compiles a JSON file without its whitespace.
        if (path.endsWith('.json')) bytes = Buffer.from(JSON.stringify(JSON.parse(bytes.toString('utf8'))));
        const e = /\.(ttf|otf|woff2?|atlas)$/.test(path) ? embedded.fonts : embedded.data;  // .atlas: baked fonts
        e.raw += bytes.length;
        e.gzip += gz(bytes);
        e.files.push(path);
      }
    }
  }
  return { kinds, total, files, embedded_in_wasm: embedded };
}

if (process.argv[1] && process.argv[1].endsWith('sizes.mjs')) {
  process.stdout.write(JSON.stringify(pageSizes(process.argv[2], process.argv[3])) + '\n');
}
