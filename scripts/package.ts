/**
 * `npm run package`: zips the production build in dist/ into dist/cutaway-<version>.ccx and checks
 * that it holds the manifest, the page, the bundle and icons — no source maps, no sources, no tests.
 */
import fs from "node:fs";
import path from "node:path";
import { packageProblems, unzip, zip } from "./ccx";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const manifest = JSON.parse(fs.readFileSync(path.join(dist, "manifest.json"), "utf8")) as { version: string; id: string };

function files(dir: string, base = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? files(path.join(dir, e.name), rel) : [rel];
  });
}

// source maps stay out of the package: they carry the sources and make it three times the size
const names = files(dist)
  .filter((n) => !n.endsWith(".map") && !n.endsWith(".ccx"))
  .sort();
const out = path.join(dist, `cutaway-${manifest.version}.ccx`);
const bytes = zip(names.map((name) => ({ name, data: fs.readFileSync(path.join(dist, name)) })));
fs.writeFileSync(out, bytes);

const inside = unzip(fs.readFileSync(out)).map((e) => e.name);
const problems = packageProblems(inside);
if (problems.length) {
  console.error(`Package check failed for ${out}:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`${path.relative(root, out)}: ${inside.length} files, ${(bytes.length / 1024).toFixed(0)} KB (${manifest.id} ${manifest.version})`);
for (const n of inside) console.log(`  ${n}`);
