#!/usr/bin/env node
/**
 * Draws Cutaway's icons (a film frame with a cut through it) at every size the manifest names.
 * Run once when the design changes; the PNGs are committed in plugin/icons.
 */
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

function draw(size, fg, bg) {
  const png = new PNG({ width: size, height: size });
  const s = size / 48;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x / s, v = y / s; // 48-unit design space
      let c = bg;
      const inFrame = u >= 6 && u < 42 && v >= 10 && v < 38;
      const inHole = u >= 10 && u < 38 && v >= 14 && v < 34;
      if (inFrame && !inHole) c = fg;
      // the cut: a diagonal band through the frame, leaving a gap
      const d = Math.abs(u - v - 0);
      if (inFrame && d < 2.2) c = bg;
      // a play triangle in the hole, right of the cut
      if (u >= 22 && u < 32 && Math.abs(v - 24) < (32 - u) * 0.55 && u > v) c = fg;
      const i = (y * size + x) * 4;
      png.data[i] = c[0]; png.data[i + 1] = c[1]; png.data[i + 2] = c[2]; png.data[i + 3] = c[3];
    }
  }
  return PNG.sync.write(png);
}

const out = path.join(__dirname, "..", "plugin", "icons");
fs.mkdirSync(out, { recursive: true });
const clear = [0, 0, 0, 0];
const light = [235, 235, 235, 255];
const dark = [50, 50, 50, 255];
const brand = [88, 166, 255, 255];
const files = {
  "plugin-icon.png": draw(48, brand, clear),
  "plugin-icon@2x.png": draw(96, brand, clear),
  "dark.png": draw(23, light, clear),
  "dark@2x.png": draw(46, light, clear),
  "light.png": draw(23, dark, clear),
  "light@2x.png": draw(46, dark, clear),
};
for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(out, name), bytes);
console.log(`wrote ${Object.keys(files).length} icons to ${out}`);
