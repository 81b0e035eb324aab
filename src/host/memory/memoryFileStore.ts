/**
 * FileStore in memory, for the browser workbench (no disk) and fast tests. Same contract as the disk
 * stores: atomic writes are invisible until complete, an aborted writer leaves nothing behind.
 */
import type { FileStore, FileWriter } from "../../platform/ports";
import { utf8Decode, utf8Encode } from "../../core/bytes/utf8";

function parent(p: string): string {
  const i = p.lastIndexOf("/");
  return i > 0 ? p.slice(0, i) : "/";
}

export class MemoryFileStore implements FileStore {
  readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>(["/"]);

  constructor(private readonly data = "/cutaway-data") {}

  async dataFolder(): Promise<string> {
    this.dirs.add(this.data);
    return this.data;
  }
  join(...parts: string[]): string {
    return parts.join("/").replace(/\/{2,}/g, "/");
  }
  async exists(p: string): Promise<boolean> {
    return this.files.has(p) || this.dirs.has(p);
  }
  async read(p: string): Promise<Uint8Array> {
    const f = this.files.get(p);
    if (!f) throw new Error(`ENOENT: ${p}`);
    return f.slice();
  }
  async readText(p: string): Promise<string> {
    return utf8Decode(await this.read(p));
  }
  async list(dir: string): Promise<readonly string[]> {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) if (k.startsWith(prefix) && k.length > prefix.length) names.add(k.slice(prefix.length).split("/")[0]!);
    return [...names].sort();
  }
  async size(p: string): Promise<number> {
    return (await this.read(p)).byteLength;
  }
  async mkdirp(dir: string): Promise<void> {
    for (let d = dir; d && d !== "/"; d = parent(d)) this.dirs.add(d);
  }
  async writeAtomic(p: string, data: Uint8Array | string): Promise<void> {
    await this.mkdirp(parent(p));
    this.files.set(p, typeof data === "string" ? utf8Encode(data) : data.slice());
  }
  async appendText(p: string, text: string): Promise<void> {
    await this.mkdirp(parent(p));
    const old = this.files.get(p) ?? new Uint8Array();
    const add = utf8Encode(text);
    const out = new Uint8Array(old.byteLength + add.byteLength);
    out.set(old);
    out.set(add, old.byteLength);
    this.files.set(p, out);
  }
  async openWriter(p: string): Promise<FileWriter> {
    await this.mkdirp(parent(p));
    const chunks: Uint8Array[] = [];
    this.files.set(p, new Uint8Array());
    const files = this.files;
    return {
      async write(chunk) {
        chunks.push(chunk.slice());
      },
      async close() {
        const total = chunks.reduce((n, c) => n + c.byteLength, 0);
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.byteLength;
        }
        files.set(p, out);
      },
      async abort() {
        files.delete(p);
      },
    };
  }
  async rename(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (!f) throw new Error(`ENOENT: ${from}`);
    this.files.delete(from);
    this.files.set(to, f);
  }
  async remove(p: string): Promise<void> {
    this.files.delete(p);
  }
}
