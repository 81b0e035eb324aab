/** The UXP-side stores, on stand-ins of UXP's fs and secure storage: keys, files and settings behave for the editor. */
import { promises as nfs, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { utf8Decode, utf8Encode } from "../../src/core/bytes/utf8";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { SecureSecretStore } from "../../src/host/premiere/uxp/secureSecretStore";
import type { UxpFs, UxpModule, UxpSecureStorage } from "../../src/host/premiere/uxp/uxpApi";
import { UxpImagePicker } from "../../src/host/premiere/uxp/uxpImagePicker";
import { UxpFileStore } from "../../src/host/premiere/uxp/uxpFileStore";

/**
 * UXP's fs answers ArrayBuffers and promises; this stand-in does the same over Node's fs, and is as
 * hard as UXP may be: a write without a position lands at the start of the file, and rename refuses
 * to replace an existing file.
 */
function uxpFsOnDisk(): UxpFs {
  const ab = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  const fds = new Map<number, nfs.FileHandle>();
  let next = 3;
  const fs = {
    async readFile(p: string, o?: { encoding: "utf-8" }) {
      const b = await nfs.readFile(p);
      return o ? b.toString("utf8") : ab(b);
    },
    async writeFile(p: string, data: string | ArrayBuffer) {
      if (typeof data !== "string" && !(data instanceof ArrayBuffer)) throw new Error("UXP fs takes ArrayBuffer");
      await nfs.writeFile(p, typeof data === "string" ? data : Buffer.from(data));
    },
    async open(p: string, flag: string) {
      const fd = next++;
      fds.set(fd, await nfs.open(p, flag));
      return fd;
    },
    async write(fd: number, buffer: ArrayBuffer, offset: number, length: number, position?: number) {
      if (!(buffer instanceof ArrayBuffer)) throw new Error("UXP fs takes ArrayBuffer");
      await fds.get(fd)!.write(Buffer.from(buffer, offset, length), 0, length, position ?? 0);
    },
    async close(fd: number) {
      await fds.get(fd)!.close();
      fds.delete(fd);
    },
    async lstat(p: string) {
      const s = await nfs.lstat(p);
      return { size: s.size, isDirectory: () => s.isDirectory() };
    },
    async rename(a: string, b: string) {
      if (await nfs.lstat(b).then(() => true, () => false)) throw Object.assign(new Error(`EEXIST: ${b} exists`), { code: "EEXIST" });
      await nfs.rename(a, b);
    },
    unlink: (p: string) => nfs.unlink(p),
    mkdir: (p: string, o?: { recursive?: boolean }) => nfs.mkdir(p, o),
    readdir: (p: string) => nfs.readdir(p),
  };
  return fs as UxpFs;
}

describe("UXP file store", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cutaway-uxp-"));
  const uxp: UxpModule = {
    storage: {
      localFileSystem: { getDataFolder: async () => ({ nativePath: `${dir}/` }), getFileForOpening: async () => null },
      secureStorage: { setItem: async () => undefined, getItem: async () => null, removeItem: async () => undefined },
    },
  };
  const store = new UxpFileStore(uxpFsOnDisk(), uxp);

  it("writes atomically, appends journal lines, streams downloads and cleans up an aborted one", async () => {
    const data = await store.dataFolder();
    expect(data).toBe(dir);
    const p = store.join(data, "media", "a.bin");
    await store.writeAtomic(p, new Uint8Array([1, 2, 3]).subarray(1));
    expect([...(await store.read(p))]).toEqual([2, 3]);
    // a second save replaces the file even where rename does not overwrite, and leaves nothing aside
    await store.writeAtomic(p, "new settings");
    expect(await store.readText(p)).toBe("new settings");
    expect((await store.list(store.join(data, "media"))).filter((n) => n.includes(".old-"))).toEqual([]);
    expect((await store.list(store.join(data, "media"))).filter((n) => n.includes(".tmp-"))).toEqual([]);
    const j = store.join(data, "journal.jsonl");
    await store.appendText(j, '{"a":"é"}\n');
    await store.appendText(j, '{"b":2}\n');
    expect(await store.readText(j)).toBe('{"a":"é"}\n{"b":2}\n');
    const w = await store.openWriter(store.join(data, "dl.mp4"));
    await w.write(new Uint8Array([9, 9]));
    await w.write(new Uint8Array([8]));
    await w.close();
    // every chunk at its own position: the second never overwrites the first
    expect([...(await store.read(store.join(data, "dl.mp4")))]).toEqual([9, 9, 8]);
    await store.writeAtomic(store.join(data, "final.mp4"), new Uint8Array([1]));
    await store.rename(store.join(data, "dl.mp4"), store.join(data, "final.mp4"));
    expect([...(await store.read(store.join(data, "final.mp4")))]).toEqual([9, 9, 8]);
    const bad = await store.openWriter(store.join(data, "bad.mp4"));
    await bad.write(new Uint8Array([1]));
    await bad.abort();
    expect(await store.exists(store.join(data, "bad.mp4"))).toBe(false);
  });
});

describe("secure storage for keys", () => {
  it("stores a key, reads it back, and treats a lost or damaged entry as 'ask again'", async () => {
    const kept = new Map<string, Uint8Array>();
    const ss: UxpSecureStorage = {
      setItem: async (k, v) => void kept.set(k, typeof v === "string" ? utf8Encode(v) : new Uint8Array(v as ArrayBuffer)),
      getItem: async (k) => kept.get(k) ?? null,
      removeItem: async (k) => void kept.delete(k),
    };
    const keys = new SecureSecretStore(ss);
    await keys.set("cutaway.key.fal", "fal-secret-ü");
    expect(await keys.get("cutaway.key.fal")).toBe("fal-secret-ü");
    await keys.remove("cutaway.key.fal");
    expect(await keys.get("cutaway.key.fal")).toBeNull();
    const broken = new SecureSecretStore({ ...ss, getItem: async () => Promise.reject(new Error("decrypt failed")) });
    expect(await broken.get("x")).toBeNull();
  });
});

describe("settings file", () => {
  it("round-trips settings and falls back to defaults when the file is damaged", async () => {
    const files = new MemoryFileStore();
    const settings = new FileSettingsStore(files);
    expect(await settings.load()).toEqual({});
    await settings.save({ backend: "slate", budgetUsd: 20 });
    expect(await settings.load()).toEqual({ backend: "slate", budgetUsd: 20 });
    await files.writeAtomic(files.join(await files.dataFolder(), "settings.json"), "{ not json");
    expect(await settings.load()).toEqual({});
  });
});

describe("utf-8 without TextEncoder", () => {
  it("round-trips every kind of text and never throws on damaged bytes", () => {
    for (const s of ["", "plain", "Ünïcödé – dash", "emoji 🎬🚁", "עברית RTL", "\u0000\uffff"]) expect(utf8Decode(utf8Encode(s))).toBe(s);
    expect(Buffer.from(utf8Encode("🎬é")).toString("utf8")).toBe("🎬é");
    expect(utf8Decode(new Uint8Array([0xff, 0x41, 0xe2, 0x82]))).toBe("\ufffdA\ufffd\ufffd");
  });
});

describe("UXP image picker", () => {
  const withDialog = (answer: unknown, asked: unknown[] = []): UxpModule => ({
    storage: {
      localFileSystem: {
        getDataFolder: async () => ({ nativePath: "/data/" }),
        getFileForOpening: async (o) => (asked.push(o), answer as never),
      },
      secureStorage: { setItem: async () => undefined, getItem: async () => null, removeItem: async () => undefined },
    },
  });

  it("answers the picked image's path (Windows spelling made forward), only PNG and JPEG offered, and null when cancelled", async () => {
    const asked: unknown[] = [];
    expect(await new UxpImagePicker(withDialog({ nativePath: "C:\\Films\\Harbour\\mara.jpg" }, asked)).pickImage()).toBe("C:/Films/Harbour/mara.jpg");
    expect(asked).toEqual([{ allowMultiple: false, types: ["png", "jpg", "jpeg"] }]);
    expect(await new UxpImagePicker(withDialog(null)).pickImage()).toBeNull();
    expect(await new UxpImagePicker(withDialog([])).pickImage()).toBeNull();
    expect(await new UxpImagePicker(withDialog(undefined)).pickImage()).toBeNull();
  });
});
