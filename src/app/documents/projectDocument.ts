/**
 * A project document: a JSON file beside the Premiere project (in the plugin's data folder while the
 * project is unsaved), written atomically, zod-validated when read, with a revision bumped on every
 * save. A file Cutaway cannot read, or one a newer Cutaway wrote, is set aside under another name and
 * named in a notice, never overwritten, so an editor's work is not lost to a bug. The bible and the
 * storyboard are both kept this way; each names its file, schema and empty document.
 */
import type { ZodType } from "zod";
import { CutawayError } from "../../core/errors";
import type { FileStore } from "../ports";

export interface Versioned {
  readonly version: number;
  readonly revision: number;
}

export interface DocumentKind<T extends Versioned> {
  /** "Cutaway Bible.json" */
  readonly fileName: string;
  /** how notices name it: "bible" */
  readonly noun: string;
  readonly version: number;
  readonly schema: ZodType<T>;
  readonly empty: T;
}

export interface DocumentLocation {
  readonly path: string;
  /** false: the project is unsaved, the document lives in the plugin's data folder for now */
  readonly besideProject: boolean;
}

export async function locateDocument(files: FileStore, projectFolder: () => Promise<string | null>, fileName: string): Promise<DocumentLocation> {
  const folder = await projectFolder().catch(() => null);
  if (folder) return { path: files.join(folder, fileName), besideProject: true };
  return { path: files.join(await files.dataFolder(), fileName), besideProject: false };
}

export interface LoadedDocument<T> {
  readonly doc: T;
  readonly notices: readonly string[];
}

export async function readDocument<T extends Versioned>(files: FileStore, path: string, kind: DocumentKind<T>, now: () => number): Promise<LoadedDocument<T>> {
  if (!(await files.exists(path))) return { doc: kind.empty, notices: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(await files.readText(path));
  } catch {
    return setAside(files, path, kind, now, "could not be read");
  }
  const version = typeof raw === "object" && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version === "number" && version > kind.version) return setAside(files, path, kind, now, "was saved by a newer Cutaway");
  const parsed = kind.schema.safeParse(raw);
  if (!parsed.success) return setAside(files, path, kind, now, "is damaged");
  return { doc: parsed.data, notices: [] };
}

export async function writeDocument<T>(files: FileStore, path: string, doc: T): Promise<void> {
  await files.writeAtomic(path, JSON.stringify(doc, null, 1));
}

async function setAside<T extends Versioned>(files: FileStore, path: string, kind: DocumentKind<T>, now: () => number, why: string): Promise<LoadedDocument<T>> {
  const kept = path.replace(/\.json$/, ` (set aside ${new Date(now()).toISOString().replace(/[:.]/g, "-")}).json`);
  await files.rename(path, kept);
  return { doc: kind.empty, notices: [`The ${kind.noun} file ${why}; it was kept as “${kept.slice(kept.lastIndexOf("/") + 1)}” and a new ${kind.noun} was started.`] };
}

export interface DocumentStoreDeps {
  readonly files: FileStore;
  readonly projectFolder: () => Promise<string | null>;
  readonly now: () => number;
  readonly say: (level: "info" | "warning", message: string) => void;
}

/**
 * The open project's copy of one document: read on reload (after a panel reload or a project switch),
 * every edit saved before it is shown, edits run one at a time so two quick clicks never write over
 * each other.
 */
export class DocumentStore<T extends Versioned> {
  private doc: T;
  private where: DocumentLocation | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly kind: DocumentKind<T>, private readonly d: DocumentStoreDeps) {
    this.doc = kind.empty;
  }

  /** the document as planning reads it (never waits for a save) */
  current(): T {
    return this.doc;
  }

  location(): DocumentLocation | null {
    return this.where;
  }

  reload(): Promise<T> {
    return this.serial(async () => {
      const where = await locateDocument(this.d.files, this.d.projectFolder, this.kind.fileName);
      const before = this.where;
      // an unsaved project saved for the first time: what was begun in the data folder goes with it
      if (before && !before.besideProject && where.besideProject && this.doc.revision > 0 && !(await this.d.files.exists(where.path))) {
        const carried = { ...this.doc, revision: this.doc.revision + 1 };
        await writeDocument(this.d.files, where.path, carried);
        this.d.say("info", `The ${this.kind.noun} now lives beside the saved project.`);
        this.doc = carried;
        this.where = where;
        return carried;
      }
      const { doc, notices } = await readDocument(this.d.files, where.path, this.kind, this.d.now);
      for (const n of notices) this.d.say("warning", n);
      this.doc = doc;
      this.where = where;
      return doc;
    });
  }

  /** applies a pure change; an unchanged document (the same object) is not written */
  edit<R>(fn: (doc: T) => { doc: T; result: R }): Promise<{ doc: T; result: R; changed: boolean }> {
    return this.serial(async () => {
      if (!this.where) throw new CutawayError(`${this.kind.noun}_not_loaded`, `The ${this.kind.noun} is still loading; try again in a moment.`);
      const { doc, result } = fn(this.doc);
      if (doc === this.doc) return { doc, result, changed: false };
      const next = { ...doc, revision: this.doc.revision + 1 };
      // saved before it is shown: what the panel shows is what a reload finds
      await writeDocument(this.d.files, this.where.path, next);
      this.doc = next;
      return { doc: next, result, changed: true };
    });
  }

  private serial<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
