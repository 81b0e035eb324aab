/**
 * The bible on disk: `Cutaway Bible.json` beside the Premiere project (in the plugin's data folder
 * while the project is unsaved), written atomically, zod-validated when read. A file Cutaway cannot
 * read is set aside under another name, never overwritten, so an editor's bible is not lost to a bug.
 */
import { bibleSchema, BIBLE_VERSION, EMPTY_BIBLE, type Bible } from "../../bible";
import type { FileStore } from "../ports";

export const BIBLE_FILE = "Cutaway Bible.json";

export interface BibleLocation {
  readonly path: string;
  /** false: the project is unsaved, the bible lives in the plugin's data folder for now */
  readonly besideProject: boolean;
}

export async function locateBible(files: FileStore, projectFolder: () => Promise<string | null>): Promise<BibleLocation> {
  const folder = await projectFolder().catch(() => null);
  if (folder) return { path: files.join(folder, BIBLE_FILE), besideProject: true };
  return { path: files.join(await files.dataFolder(), BIBLE_FILE), besideProject: false };
}

export interface LoadedBible {
  readonly bible: Bible;
  readonly notices: readonly string[];
}

export async function readBible(files: FileStore, path: string, now: () => number): Promise<LoadedBible> {
  if (!(await files.exists(path))) return { bible: EMPTY_BIBLE, notices: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(await files.readText(path));
  } catch {
    return setAside(files, path, now, "could not be read");
  }
  const version = typeof raw === "object" && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version === "number" && version > BIBLE_VERSION) {
    return setAside(files, path, now, "was saved by a newer Cutaway");
  }
  const parsed = bibleSchema.safeParse(raw);
  if (!parsed.success) return setAside(files, path, now, "is damaged");
  return { bible: parsed.data, notices: [] };
}

export async function writeBible(files: FileStore, path: string, bible: Bible): Promise<void> {
  await files.writeAtomic(path, JSON.stringify(bible, null, 1));
}

async function setAside(files: FileStore, path: string, now: () => number, why: string): Promise<LoadedBible> {
  const kept = path.replace(/\.json$/, ` (set aside ${new Date(now()).toISOString().replace(/[:.]/g, "-")}).json`);
  await files.rename(path, kept);
  return { bible: EMPTY_BIBLE, notices: [`The bible file ${why}; it was kept as “${kept.slice(kept.lastIndexOf("/") + 1)}” and a new bible was started.`] };
}
