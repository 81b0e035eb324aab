/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and prints
 * one JSON line per figure: {"bench": name, "n": size, "median_ms": x, ...}. Figures are medians;
 * compare runs by ratio, not by absolute time — machines here are noisy.
 */
import fs from "node:fs";
import path from "node:path";

type BenchModule = { run: () => Promise<Array<Record<string, unknown>>> };

async function main(): Promise<void> {
  const dir = __dirname;
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  let failed = 0;
  for (const f of files) {
    try {
      // require, not import(): module node16 would keep a real ESM import that cannot load .ts
      const mod = require(path.join(dir, f)) as BenchModule;
      for (const line of await mod.run()) console.log(JSON.stringify(line, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
    } catch (e) {
      failed++;
      console.error(`bench ${f} failed: ${(e as Error).stack ?? String(e)}`);
    }
  }
  if (failed) process.exitCode = 1;
}

void main();
