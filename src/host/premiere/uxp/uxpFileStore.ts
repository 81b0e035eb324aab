/**
 * FileStore on UXP's `fs` module (native paths = `file:` scheme). Atomic writes go to a temp name and
 * are renamed; appends open the file in "a" mode, since UXP has no appendFile; binary data crosses as
 * ArrayBuffer because UXP's fs takes no Uint8Array views at an offset.
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
    await (typeof data === "string" ? this.fs.writeFile(tmp, data, { encoding: "utf-8" }) : this.fs.writeFile(tmp, buffer(data)));
    await this.fs.rename(tmp, p);
  }

  async appendText(p: string, text: string): Promise<void> {
    await this.mkdirp(dirname(p));
    const fd = await this.fs.open(p, "a");
    try {
      const bytes = utf8Encode(text);
      await this.fs.write(fd, buffer(bytes), 0, bytes.byteLength);
    } finally {
      await this.fs.close(fd);
    }
  }

  async openWriter(p: string): Promise<FileWriter> {
    await this.mkdirp(dirname(p));
    const fd = await this.fs.open(p, "w");
    const fs = this.fs;
    let closed = false;
    return {
      async write(chunk: Uint8Array): Promise<void> {
        await fs.write(fd, buffer(chunk), 0, chunk.byteLength);
      },
      async close(): Promise<void> {
        if (closed) return;
        closed = true;
        await fs.close(fd);
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
    await this.fs.rename(from, to);
  }

  async remove(p: string): Promise<void> {
    await this.fs.unlink(p).catch(() => undefined);
  }
}
