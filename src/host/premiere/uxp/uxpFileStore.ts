/**
 * FileStore on UXP's `fs` module (native paths = `file:` scheme). Every chunk is written at an
 * explicit position (UXP declares `position`; without it a chunked download can overwrite itself)
 * and a file's size is read back before it counts as written. Atomic writes go to a temp name and
 * are swapped in without relying on `rename` replacing an existing file: the old file is moved
 * aside first and removed only once the new one is in place. Appends open the file in "a" mode,
 * since UXP has no appendFile; binary data crosses as ArrayBuffer because UXP's fs takes no
 * Uint8Array views at an offset.
 */
import type { FileStore, FileWriter } from "../../../platform/ports";
import { utf8Encode } from "../../../core/bytes/utf8";
import type { UxpFs, UxpModule } from "./uxpApi";

let temp = 0;

function buffer(data: Uint8Array): ArrayBuffer {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer ? data.buffer : data.slice().buffer;
}

function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i > 0 ? p.slice(0, i) : "/";
}

export class UxpFileStore implements FileStore {
  constructor(
    private readonly fs: UxpFs,
    private readonly uxp: UxpModule,
  ) {}

  async dataFolder(): Promise<string> {
    return (await this.uxp.storage.localFileSystem.getDataFolder()).nativePath.replace(/\\/g, "/").replace(/\/$/, "");
  }

  join(...parts: string[]): string {
    return parts.join("/").replace(/\/{2,}/g, "/");
  }

  async exists(p: string): Promise<boolean> {
    try {
      await this.fs.lstat(p);
      return true;
    } catch {
      return false;
    }
  }

  async read(p: string): Promise<Uint8Array> {
    return new Uint8Array(await this.fs.readFile(p));
  }

  async readText(p: string): Promise<string> {
    return this.fs.readFile(p, { encoding: "utf-8" });
  }

  async list(dir: string): Promise<readonly string[]> {
    try {
      return (await this.fs.readdir(dir)).sort();
    } catch {
      return [];
    }
  }

  async size(p: string): Promise<number> {
    return (await this.fs.lstat(p)).size;
  }

  async mkdirp(dir: string): Promise<void> {
    if (await this.exists(dir)) return;
    await this.fs.mkdir(dir, { recursive: true });
  }

  async writeAtomic(p: string, data: Uint8Array | string): Promise<void> {
    await this.mkdirp(dirname(p));
    const tmp = `${p}.tmp-${Date.now()}-${++temp}`;
    const bytes = typeof data === "string" ? utf8Encode(data) : data;
    const w = await this.openWriter(tmp);
    try {
      await w.write(bytes);
      await w.close();
    } catch (e) {
      await w.abort();
      throw e;
    }
    await this.swapIn(tmp, p);
  }

  /** Moves `from` to `to`; an existing `to` is moved aside first and deleted only after the swap. */
  private async swapIn(from: string, to: string): Promise<void> {
    if (!(await this.exists(to))) {
      await this.fs.rename(from, to);
      return;
    }
    const aside = `${to}.old-${Date.now()}-${++temp}`;
    await this.fs.rename(to, aside);
    try {
      await this.fs.rename(from, to);
    } catch (e) {
      await this.fs.rename(aside, to).catch(() => undefined);
      throw e;
    }
    await this.fs.unlink(aside).catch(() => undefined);
  }

  async appendText(p: string, text: string): Promise<void> {
    await this.mkdirp(dirname(p));
    const at = (await this.exists(p)) ? await this.size(p) : 0;
    const fd = await this.fs.open(p, "a");
    const bytes = utf8Encode(text);
    try {
      await this.fs.write(fd, buffer(bytes), 0, bytes.byteLength, at);
    } finally {
      await this.fs.close(fd);
    }
    const now = await this.size(p);
    if (now !== at + bytes.byteLength) throw new Error(`The journal line was not fully written to ${p} (${now} bytes, expected ${at + bytes.byteLength}). Check the disk has space.`);
  }

  async openWriter(p: string): Promise<FileWriter> {
    await this.mkdirp(dirname(p));
    const fd = await this.fs.open(p, "w");
    const fs = this.fs;
    const size = (q: string): Promise<number> => this.size(q);
    let closed = false;
    let position = 0;
    return {
      async write(chunk: Uint8Array): Promise<void> {
        await fs.write(fd, buffer(chunk), 0, chunk.byteLength, position);
        position += chunk.byteLength;
      },
      async close(): Promise<void> {
        if (closed) return;
        closed = true;
        await fs.close(fd);
        const written = await size(p);
        if (written !== position) throw new Error(`${p} holds ${written} bytes after writing ${position}. Check the disk has space, then run again.`);
      },
      async abort(): Promise<void> {
        if (!closed) {
          closed = true;
          await fs.close(fd).catch(() => undefined);
        }
        await fs.unlink(p).catch(() => undefined);
      },
    };
  }

  async rename(from: string, to: string): Promise<void> {
    await this.swapIn(from, to);
  }

  async remove(p: string): Promise<void> {
    await this.fs.unlink(p).catch(() => undefined);
  }
}
