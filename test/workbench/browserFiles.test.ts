/** The workbench keeps what a panel reload keeps in Premiere: the data folder and the project's own documents. */
import { BrowserFileStore } from "../../src/workbench/browserFiles";

class MapStorage implements Storage {
  private readonly m = new Map<string, string>();
  get length(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
}

test("a page reload finds the journal and the bible beside the project again, but not media", async () => {
  const storage = new MapStorage();
  const first = new BrowserFileStore(storage);
  await first.writeAtomic("/cutaway-data/journal.jsonl", "{}\n");
  await first.writeAtomic("/projects/Demo/Cutaway Bible.json", '{"version":1}');
  await first.writeAtomic("/projects/Demo/Cutaway Media/shot.mp4", new Uint8Array([1, 2, 3]));
  const again = new BrowserFileStore(storage);
  expect(await again.readText("/cutaway-data/journal.jsonl")).toBe("{}\n");
  expect(await again.readText("/projects/Demo/Cutaway Bible.json")).toBe('{"version":1}');
  expect(await again.exists("/projects/Demo/Cutaway Media/shot.mp4")).toBe(false);
  // a bible set aside after damage is renamed in the mirror too
  await again.rename("/projects/Demo/Cutaway Bible.json", "/projects/Demo/Cutaway Bible (set aside).json");
  const third = new BrowserFileStore(storage);
  expect(await third.exists("/projects/Demo/Cutaway Bible.json")).toBe(false);
  expect(await third.exists("/projects/Demo/Cutaway Bible (set aside).json")).toBe(true);
});
