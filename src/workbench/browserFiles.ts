/**
 * The workbench's files: in memory, with the plugin-data folder (journal, request history, settings)
 * and Cutaway's documents beside the project (the bible, the storyboard) mirrored to localStorage,
 * so a page reload behaves like a panel reload. Media stays in memory.
 */
import { MemoryFileStore } from "../host/memory/memoryFileStore";
import { utf8Decode, utf8Encode } from "../core/bytes/utf8";

const PREFIX = "cutaway.workbench.file:";
/** `Cutaway Bible.json` and its kind, wherever the project is */
const PROJECT_DOCUMENT = /\/Cutaway [^/]*\.json$/;

export class BrowserFileStore extends MemoryFileStore {
  constructor(private readonly storage: Storage, private readonly dataDir = "/cutaway-data") {
    super(dataDir);
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(PREFIX)) this.files.set(k.slice(PREFIX.length), utf8Encode(storage.getItem(k) ?? ""));
    }
  }

  private mirror(p: string): void {
    if (!p.startsWith(`${this.dataDir}/`) && !PROJECT_DOCUMENT.test(p)) return;
    const f = this.files.get(p);
    if (f) this.storage.setItem(PREFIX + p, utf8Decode(f));
    else this.storage.removeItem(PREFIX + p);
  }

  override async writeAtomic(p: string, data: Uint8Array | string): Promise<void> {
    await super.writeAtomic(p, data);
    this.mirror(p);
  }
  override async appendText(p: string, text: string): Promise<void> {
    await super.appendText(p, text);
    this.mirror(p);
  }
  override async rename(from: string, to: string): Promise<void> {
    await super.rename(from, to);
    this.mirror(from);
    this.mirror(to);
  }
  override async remove(p: string): Promise<void> {
    await super.remove(p);
    this.mirror(p);
  }
}

export function clearWorkbenchStorage(storage: Storage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith("cutaway.workbench.")) keys.push(k);
  }
  keys.forEach((k) => storage.removeItem(k));
}
