/**
 * Media on disk: safe, unique file names derived from the shot, and the download path — written to a
 * temp name, verified (length and signature), then renamed, so Premiere never imports half a file.
 */
import type { FileStore } from "../platform/ports";
import type { MediaDownload } from "../backends/types";
import { GenerationError } from "../backends/errors";

/** Windows-reserved names, and the characters no file system here accepts. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileStem(name: string, maxChars = 80): string {
  let s = name
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, " ")
    .replace(/\.{2,}/g, ".")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if ([...s].length > maxChars) s = [...s].slice(0, maxChars).join("").trim();
  if (!s || RESERVED.test(s)) s = `shot ${s}`.trim();
  return s;
}

/**
 * File names in use by downloads of this engine: two shots with the same name never share a temp
 * or final path, even before either file exists on disk.
 */
export class MediaNames {
  private readonly taken = new Set<string>();

  /** A final path free on disk and not held by another download; held until `release`. */
  async reserve(files: FileStore, dir: string, stem: string, ext: string): Promise<string> {
    const safeExt = ext.replace(/[^a-z0-9]/gi, "").toLowerCase() || "bin";
    for (let n = 1; n < 10_000; n++) {
      const p = files.join(dir, `${stem}${n > 1 ? ` (${n})` : ""}.${safeExt}`);
      if (this.taken.has(p)) continue;
      // held before the disk is asked, so a second download asking meanwhile moves on
      this.taken.add(p);
      if (!(await files.exists(p))) return p;
      this.taken.delete(p);
    }
    throw new GenerationError("invalid_request", `Too many files named "${stem}" in ${dir}; tidy the media folder.`);
  }

  release(path: string): void {
    this.taken.delete(path);
  }
}

/** The temp name of one job's download: never shared with another job's. */
export function tempPathFor(finalPath: string, jobId: string): string {
  return `${finalPath}.${jobId.replace(/[^\w-]/g, "_").slice(0, 60)}.part`;
}

/** What the first bytes of a finished file must look like. */
export function signatureOk(ext: string, head: Uint8Array): boolean {
  const at = (i: number, ...bytes: number[]): boolean => bytes.every((b, k) => head[i + k] === b);
  switch (ext) {
    case "mp4":
    case "mov":
    case "m4v":
      // ISO base media: a box size, then "ftyp" (QuickTime files may start with "wide"/"moov"/"mdat")
      return at(4, 0x66, 0x74, 0x79, 0x70) || at(4, 0x6d, 0x6f, 0x6f, 0x76) || at(4, 0x77, 0x69, 0x64, 0x65) || at(4, 0x6d, 0x64, 0x61, 0x74);
    case "png":
      return at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case "webm":
      return at(0, 0x1a, 0x45, 0xdf, 0xa3);
    case "jpg":
    case "jpeg":
      return at(0, 0xff, 0xd8, 0xff);
    default:
      return false;
  }
}

/**
 * Streams a download to `finalPath` through a temp file. Throws a typed error (transient: try the
 * download again) when the body is cut short or is not the media it claims to be; the temp file is
 * removed either way.
 */
export interface SaveOptions {
  readonly tempPath?: string;
  /** another free final path, when a file appeared at the chosen one during the download */
  readonly elsewhere?: () => Promise<string>;
}

export async function saveDownload(files: FileStore, dl: MediaDownload, finalPath: string, signal?: AbortSignal, opts: SaveOptions = {}): Promise<{ bytes: number; path: string }> {
  const tmp = opts.tempPath ?? `${finalPath}.part`;
  const w = await files.openWriter(tmp);
  const head = new Uint8Array(16);
  let got = 0;
  try {
    for await (const chunk of dl.chunks) {
      if (signal?.aborted) throw new GenerationError("cancelled", "The download was cancelled.");
      if (got < head.length) head.set(chunk.subarray(0, head.length - got), got);
      got += chunk.byteLength;
      await w.write(chunk);
    }
    await w.close();
  } catch (e) {
    await w.abort();
    if (e instanceof GenerationError) throw e;
    throw new GenerationError("transient", "The download was interrupted; Cutaway will try again.", { outcomeUnknown: false });
  }
  const bad = async (message: string): Promise<never> => {
    await files.remove(tmp);
    throw new GenerationError("transient", message);
  };
  if (got === 0) await bad("The provider sent an empty file; Cutaway will try the download again.");
  if (dl.contentLength !== undefined && got !== dl.contentLength) await bad(`The download stopped at ${got} of ${dl.contentLength} bytes; Cutaway will try again.`);
  if (!signatureOk(dl.extension, head)) await bad(`The provider sent something that is not a ${dl.extension.toUpperCase()} file; Cutaway will try the download again.`);
  // never renamed over a file: something else may have written that name while this downloaded
  let path = finalPath;
  if (await files.exists(path)) {
    if (!opts.elsewhere) await bad(`A file named ${path} appeared in the media folder during the download; Cutaway will download the shot again under another name.`);
    path = await opts.elsewhere!();
  }
  await files.rename(tmp, path);
  return { bytes: got, path };
}
