// Reads what the browser actually shows: a screenshot of part of the page, decoded into RGBA
// pixels (8-bit PNG as Chromium writes it: RGB or RGBA, not interlaced). Lets tests check the
// drawing itself, which window.portal.items() (where widgets are, not how they look) cannot.
import { inflateSync } from 'node:zlib';

function decodePng(png) {
  let at = 8;  // signature
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) {
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  const row = Buffer.alloc(stride);
  const previous = Buffer.alloc(stride);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; ++i) {
      const a = i >= channels ? row[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[i] = (line[i] + predictor) & 0xff;
    }
    for (let x = 0; x < width; ++x) {
      out[(y * width + x) * 4] = row[x * channels];
      out[(y * width + x) * 4 + 1] = row[x * channels + 1];
      out[(y * width + x) * 4 + 2] = row[x * channels + 2];
      out[(y * width + x) * 4 + 3] = channels === 4 ? row[x * channels + 3] : 255;
    }
    row.copy(previous);
  }
  return { width, height, data: out };
}

// The pixels shown in `box` ({x, y, w, h} in CSS pixels, as items() gives), at the page's
// device pixel ratio. Returns { width, height, at(x, y) → [r, g, b], pixels() → [[r, g, b], …] }.
export async function pixelsIn(page, box) {
  const png = await page.screenshot({
    clip: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.w), height: Math.round(box.h) },
    scale: 'device',
  });
  const image = decodePng(png);
  const at = (x, y) => {
    const i = (y * image.width + x) * 4;
    return [image.data[i], image.data[i + 1], image.data[i + 2]];
  };
  return {
    width: image.width,
    height: image.height,
    at,
    pixels() {
      const all = [];
      for (let y = 0; y < image.height; ++y) for (let x = 0; x < image.width; ++x) all.push(at(x, y));
      return all;
    },
  };
}

export const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
export const distance = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
