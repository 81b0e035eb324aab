/**
 * FileStore on the real disk (Node), for benches and tests that need files too big for memory:
 * the download bench writes 200 MB through the same port the panel uses.
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import type { FileStore, FileWriter } from "../../src/app/ports";

export class NodeFileStore implements FileStore {
  constructor(private readonly root: string) {}

  async dataFolder(): Promise<string> {
    const d = path.join(this.root, "data");
    await fsp.mkdir(d, { recursive: true });
    return d;
  }
  join(...parts: string[]): string {
    return path.posix.join(...parts);
  }
  async exists(p: string): Promise<boolean> {
    return fsp.access(p).then(
      () => true,
      () => false,
    );
  }
  async read(p: string): Promise<Uint8Array> {
    return new Uint8Array(await fsp.readFile(p));
  }
  async readText(p: string): Promise<string> {
    return fsp.readFile(p, "utf8");
  }
  async list(dir: string): Promise<readonly string[]> {
    return fsp.readdir(dir).catch(() => []);
  }
  async size(p: string): Promise<number> {
    return (await fsp.stat(p)).size;
  }
  async mkdirp(dir: string): Promise<void> {
    await fsp.mkdir(dir, { recursive: true });
  }
  async writeAtomic(p: string, data: Uint8Array | string): Promise<void> {
    const tmp = `${p}.tmp-${process.pid}`;
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, p);
  }
  async appendText(p: string, text: string): Promise<void> {
    await fsp.appendFile(p, text, "utf8");
  }
  async openWriter(p: string): Promise<FileWriter> {
    const fh = await fsp.open(p, "w");
    return {
      write: async (chunk) => {
        await fh.write(chunk);
      },
      close: () => fh.close(),
      abort: async () => {
        await fh.close().catch(() => undefined);
        await fsp.rm(p, { force: true });
      },
    };
  }
  async rename(from: string, to: string): Promise<void> {
    await fsp.rename(from, to);
  }
  async remove(p: string): Promise<void> {
    await fsp.rm(p, { force: true });
  }
}
