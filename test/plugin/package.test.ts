/** The .ccx writer and the package check: what is installed in Premiere is exactly what was built. */
import { crc32, packageProblems, unzip, zip } from "../../scripts/ccx";

test("zips and reads back byte for byte, deterministically, with CRCs checked", () => {
  const entries = [
    { name: "manifest.json", data: Buffer.from('{"manifestVersion":5}') },
    { name: "index.js", data: Buffer.from("x".repeat(10_000)) },
    { name: "icons/dark@2x.png", data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) },
  ];
  const a = zip(entries);
  expect(zip(entries).equals(a)).toBe(true);
  expect(a.length).toBeLessThan(10_000);
  expect(unzip(a)).toEqual(entries);
  const bad = Buffer.from(a);
  bad[46] = bad[46]! ^ 0xff; // inside the first entry's compressed data (30-byte header + 13-byte name)
  expect(() => unzip(bad)).toThrow();
  expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
});

test("the package check wants the manifest, page and bundle, and refuses maps, sources and tests", () => {
  const good = ["manifest.json", "index.html", "index.js", "index.js.LICENSE.txt", "llm.js", "icons/dark.png", "icons/dark@2x.png"];
  expect(packageProblems(good)).toEqual([]);
  expect(packageProblems(["index.html", "index.js"])).toEqual(["missing manifest.json"]);
  expect(packageProblems([...good, "index.js.map", "src/app/cutaway.ts", "test/e2e/x.test.ts", ".env"])).toEqual(["unexpected index.js.map", "unexpected src/app/cutaway.ts", "unexpected test/e2e/x.test.ts", "unexpected .env"]);
});
