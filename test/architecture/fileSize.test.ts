/** One job per file: a source file past 300 lines says at its top why it is still one job. */
import fs from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test("no source file is over 300 lines without a reason at its top, and none is over 400", () => {
  const unexplained: string[] = [];
  const huge: string[] = [];
  for (const f of sourceFiles(SRC)) {
    const text = fs.readFileSync(f, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    const rel = path.relative(SRC, f);
    if (lines > 400) huge.push(`${rel} (${lines})`);
    else if (lines > 300 && !/Over 300 lines/i.test(text.split("\n").slice(0, 5).join("\n"))) unexplained.push(`${rel} (${lines})`);
  }
  expect(huge).toEqual([]);
  expect(unexplained).toEqual([]);
});
