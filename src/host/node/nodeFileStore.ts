/**
 * FileStore on Node's fs: used by the CLI demo, the benches and the integration tests.
 * (In Premiere the UXP adapter implements the same port.)
 */
import { promises as fs, createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import type { FileStore, FileWriter } from "../../platform/ports";

let tempCounter = 0;

export class NodeFileStore implements FileStore {
  constructor(private readonly root: string) {}

  async dataFolder(): Promise<string> {
    await fs.mkdir(this.root, { recursive: true });
    return this.root;
  }

  join(...parts: string[]): string {
    return path.posix.join(...parts);
  }

  async exists(p: string): Promise<boolean> {
    try {
      await fs.access(p);
      return true;
    } catch {
      return false;
    }
  }

  async read(p: string): Promise<Uint8Array> {
    return new Uint8Array(await fs.readFile(p));
  }

  async readText(p: string): Promise<string> {
    return fs.readFile(p, "utf8");
  }

  async list(dir: string): Promise<readonly string[]> {
    try {
      return (await fs.readdir(dir)).sort();
    } catch {
      return [];
    }
  }

  async size(p: string): Promise<number> {
    return (await fs.stat(p)).size;
  }

  async mkdirp(dir: string): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
  }

  async writeAtomic(p: string, data: Uint8Array | string): Promise<void> {
    await fs.mkdir(path.dirname(p), { recursive: true });
    const tmp = `${p}.tmp-${process.pid}-${++tempCounter}`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, p);
  }

  async appendText(p: string, text: string): Promise<void> {
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.appendFile(p, text, "utf8");
  }

  async openWriter(p: string): Promise<FileWriter> {
    await fs.mkdir(path.dirname(p), { recursive: true });
    const stream = createWriteStream(p);
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
    return new NodeFileWriter(stream, p);
  }

  async rename(from: string, to: string): Promise<void> {
    await fs.rename(from, to);
  }

  async remove(p: string): Promise<void> {
    await fs.rm(p, { force: true });
  }
}

class NodeFileWriter implements FileWriter {
  constructor(
    private readonly stream: WriteStream,
    private readonly p: string,
  ) {}

  write(chunk: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      const ok = this.stream.write(chunk, (err) => (err ? reject(err) : undefined));
      if (ok) resolve();
      else this.stream.once("drain", () => resolve());
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }

  async abort(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.destroy() && resolve());
    await fs.rm(this.p, { force: true });
  }
}
