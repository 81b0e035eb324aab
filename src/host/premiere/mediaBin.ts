/**
 * Cutaway's bin: created once, found again by name; imports land in it and are found afterwards by
 * media path, because `importFiles` answers only a boolean, fresh imports can take seconds to be
 * listable, and `findItemsMatchingMediaPath` can miss them. Items are remembered by id, never as
 * objects: a project item read before a commit is not valid after it, so each use re-lists the bin.
 */
import { HostError } from "../../app/hostError";
import type { ImportedMedia } from "../../app/ports";
import { samePath } from "./paths";
import type { PFolderItem, PProject, PProjectItem, PremiereModule } from "./premiereApi";

export interface MediaBinOptions {
  readonly sleep: (ms: number) => Promise<void>;
  /** how long to keep re-listing the bin for an import that has not shown up yet */
  readonly findForMs: number;
}

/** Waits between re-lists of the bin: short at first, then up to 2 s, about 10 s in all. */
export function backoff(totalMs: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let d = 100; sum < totalMs; d = Math.min(d * 2, 2_000)) {
    out.push(Math.min(d, totalMs - sum));
    sum += d;
  }
  return out;
}

export class MediaBin {
  /** project item id → media path, for items already asked */
  private readonly pathOf = new Map<string, string>();
  /** media path (normalised, lower case) → id of the item placed from it (the newest import of that path) */
  private readonly idFor = new Map<string, string>();

  constructor(
    private readonly ppro: PremiereModule,
    private readonly options: MediaBinOptions,
  ) {}

  private async find(project: PProject, name: string): Promise<PFolderItem | null> {
    const root = await project.getRootItem();
    for (const it of await root.getItems()) if (it.type === this.ppro.ProjectItem.TYPE_BIN && it.name === name) return this.ppro.FolderItem.cast(it);
    return null;
  }

  async bin(project: PProject, name: string, create: boolean): Promise<PFolderItem | null> {
    const found = await this.find(project, name);
    if (found || !create) return found;
    const root = await project.getRootItem();
    let ok = false;
    project.lockedAccess(() => {
      ok = project.executeTransaction((c) => {
        c.addAction(root.createBinAction(name, false));
      }, `Cutaway: create bin "${name}"`);
    });
    // the root read above is stale after that commit: find the bin again from a fresh root
    const made = ok ? await this.find(project, name) : null;
    if (!made) throw new HostError("bin_failed", `Premiere could not create the "${name}" bin. Check that the project is not read-only.`);
    return made;
  }

  /** ids of the items in the bin (for provenance reads); empty when the bin does not exist yet */
  async itemIds(project: PProject, name: string): Promise<Set<string>> {
    const bin = await this.bin(project, name, false);
    if (!bin) return new Set();
    return new Set((await bin.getItems()).map((i) => i.getId()));
  }

  private async pathOfItem(item: PProjectItem): Promise<string | null> {
    const id = item.getId();
    let path = this.pathOf.get(id);
    if (path === undefined) {
      const clip = this.ppro.ClipProjectItem.cast(item);
      if (!clip) return null;
      path = await clip.getMediaFilePath();
      this.pathOf.set(id, path);
    }
    return path;
  }

  async importMedia(project: PProject, paths: readonly string[], binName: string): Promise<ImportedMedia[]> {
    if (paths.length === 0) return [];
    const bin = await this.bin(project, binName, true);
    if (!bin) throw new HostError("bin_failed", `The "${binName}" bin is missing.`);
    const before = new Set((await bin.getItems()).map((i) => i.getId()));
    const ok = await project.importFiles([...paths], true, this.ppro.ProjectItem.cast(bin), false);
    if (!ok) throw new HostError("import_failed", `Premiere could not import ${paths.length === 1 ? paths[0] : `${paths.length} files`}. Check that the files exist and are readable.`);
    const found = new Map<string, PProjectItem>();
    const waits = [0, ...backoff(this.options.findForMs)];
    for (const wait of waits) {
      if (found.size === paths.length) break;
      if (wait > 0) await this.options.sleep(wait);
      const current = await this.bin(project, binName, false);
      for (const item of current ? await current.getItems() : []) {
        if (before.has(item.getId()) || item.type !== this.ppro.ProjectItem.TYPE_CLIP) continue;
        const path = await this.pathOfItem(item);
        const want = path === null ? undefined : paths.find((p) => !found.has(p) && samePath(p, path));
        if (want !== undefined) found.set(want, item);
      }
    }
    const missing = paths.filter((p) => !found.has(p));
    if (missing.length) throw new HostError("import_not_found", `Premiere imported the media but it did not appear in the "${binName}" bin within ${Math.round(this.options.findForMs / 1000)} s (${missing[0]}). Look in the bin, or run again.`);
    return paths.map((p) => {
      const item = found.get(p)!;
      this.idFor.set(key(p), item.getId());
      return { path: p, projectItemId: item.getId(), name: item.name };
    });
  }

  /** the id of the project item for `path`: imported this session, else looked up in the bin */
  async itemIdForPath(project: PProject, path: string, binName: string): Promise<string | null> {
    const known = this.idFor.get(key(path));
    if (known) return known;
    const bin = await this.bin(project, binName, false);
    if (!bin) return null;
    for (const item of await bin.getItems()) {
      if (item.type !== this.ppro.ProjectItem.TYPE_CLIP) continue;
      const p = await this.pathOfItem(item);
      if (p !== null && samePath(p, path)) {
        this.idFor.set(key(path), item.getId());
        return item.getId();
      }
    }
    return null;
  }

  /** Fresh objects for item ids (one listing of the bin): what was read before the last commit is not valid now. */
  async items(project: PProject, binName: string, ids: readonly string[]): Promise<Map<string, PProjectItem>> {
    const want = new Set(ids);
    const out = new Map<string, PProjectItem>();
    const bin = await this.bin(project, binName, false);
    for (const item of bin ? await bin.getItems() : []) {
      const id = item.getId();
      if (want.has(id)) out.set(id, item);
    }
    return out;
  }
}

function key(path: string): string {
  return path.replace(/\\/g, "/").toLowerCase();
}
