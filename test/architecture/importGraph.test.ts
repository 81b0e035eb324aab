/**
 * Keeps the layers honest: every import in src/ points down the house (panel → app → jobs →
 * backends → core/platform), and no file can reach itself through its imports.
 */
import fs from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");

/** which top-level folders each folder may import from (besides itself) */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  platform: [],
  script: ["core"],
  bible: ["script", "core"],
  llm: ["script", "core", "platform"],
  backends: ["core", "platform"],
  jobs: ["backends", "core", "platform"],
  app: ["jobs", "backends", "bible", "script", "core", "platform"],
  host: ["app", "jobs", "backends", "core", "platform"],
  panel: ["app", "core", "platform"],
  workbench: ["panel", "host", "app", "backends", "core", "platform"],
  entry: ["workbench", "panel", "host", "app", "llm", "jobs", "backends", "bible", "script", "core", "platform"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

const SPECIFIER = /(?:^|[^\w.])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|(?:import|require)\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(cand) && fs.statSync(cand).isFile()) return cand;
  }
  return null;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec ? resolve(file, spec) : null;
    if (target && target.startsWith(SRC + path.sep)) out.push(target);
  }
  return out;
}

const layerOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!;
const rel = (file: string): string => path.relative(SRC, file).split(path.sep).join("/");

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

test("the graph is read: every layer is known and imports are found", () => {
  expect(files.length).toBeGreaterThan(100);
  const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in MAY_IMPORT) && !/\.tsx?$/.test(l));
  expect(unknown).toEqual([]);
  const edges = [...graph.values()].reduce((n, e) => n + e.length, 0);
  expect(edges).toBeGreaterThan(files.length);
});

test("no import points up: core, script, backends and jobs never reach into the app, and every layer only reaches down", () => {
  const upward: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    const allowed = MAY_IMPORT[from] ?? [];
    for (const t of targets) {
      const to = layerOf(t);
      if (to !== from && !allowed.includes(to)) upward.push(`${rel(file)} → ${rel(t)}`);
    }
  }
  expect(upward).toEqual([]);
});

test("no import circles anywhere in src/", () => {
  // Tarjan's strongly connected components: any component of more than one file is a circle
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(rel(w));
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(comp.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  expect(circles).toEqual([]);
});
