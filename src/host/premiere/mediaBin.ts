/**
 * Cutaway's bin: created once, found again by name; imports land in it and are found afterwards by
 * media path, because `importFiles` answers only a boolean (and `findItemsMatchingMediaPath` can miss
 * a fresh import). Paths already matched are remembered so each import asks only about new items.
 */
import { HostError } from "../../app/hostError";
import type { ImportedMedia } from "../../app/ports";
import type { PFolderItem, PProject, PProjectItem, PremiereModule } from "./premiereApi";

export interface MediaBinOptions {
  readonly sleep: (ms: number) => Promise<void>;
  /** how often to re-list the bin when an import has not shown up yet */
  readonly findAttempts: number;
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string): string => p.replace(/\\/g, "/");
  return norm(a) === norm(b);
}

export class MediaBin {
  /** project item id → media path, for items already asked */
  private readonly pathOf = new Map<string, string>();
  /** media path → the project item placed from it (the newest import of that path) */
  private readonly itemFor = new Map<string, PProjectItem>();

  constructor(
    private readonly ppro: PremiereModule,
    private readonly options: MediaBinOptions,
  ) {}

  async bin(project: PProject, name: string, create: boolean): Promise<PFolderItem | null> {
    const root = await project.getRootItem();
    const find = async (): Promise<PFolderItem | null> => {
      for (const it of await root.getItems()) if (it.type === this.ppro.ProjectItem.TYPE_BIN && it.name === name) return this.ppro.FolderItem.cast(it);
      return null;
    };
    const found = await find();
    if (found || !create) return found;
    let ok = false;
    project.lockedAccess(() => {
      ok = project.executeTransaction((c) => {
        c.addAction(root.createBinAction(name, false));
      }, `Cutaway: create bin "${name}"`);
    });
    const made = ok ? await find() : null;
    if (!made) throw new HostError("bin_failed", `Premiere could not create the "${name}" bin. Check that the project is not read-only.`);
    return made;
  }

  /** ids of the items in the bin (for provenance reads); empty when the bin does not exist yet */
  async itemIds(project: PProject, name: string): Promise<Set<string>> {
    const bin = await this.bin(project, name, false);
    if (!bin) return new Set();
    return new Set((await bin.getItems()).map((i) => i.getId()));
  }

  async importMedia(project: PProject, paths: readonly string[], binName: string): Promise<ImportedMedia[]> {
    if (paths.length === 0) return [];
    const bin = await this.bin(project, binName, true);
    if (!bin) throw new HostError("bin_failed", `The "${binName}" bin is missing.`);
    const before = new Set((await bin.getItems()).map((i) => i.getId()));
    const ok = await project.importFiles([...paths], true, this.ppro.ProjectItem.cast(bin), false);
    if (!ok) throw new HostError("import_failed", `Premiere could not import ${paths.length === 1 ? paths[0] : `${paths.length} files`}. Check that the files exist and are readable.`);
    const found = new Map<string, PProjectItem>();
    for (let attempt = 0; attempt < this.options.findAttempts && found.size < paths.length; attempt++) {
      if (attempt > 0) await this.options.sleep(100 * attempt);
      for (const item of await bin.getItems()) {
        const id = item.getId();
        if (before.has(id) || item.type !== this.ppro.ProjectItem.TYPE_CLIP) continue;
        let path = this.pathOf.get(id);
        if (path === undefined) {
          path = await this.ppro.ClipProjectItem.cast(item).getMediaFilePath();
          this.pathOf.set(id, path);
        }
        const want = paths.find((p) => samePath(p, path!));
        if (want !== undefined && !found.has(want)) found.set(want, item);
      }
    }
    const missing = paths.filter((p) => !found.has(p));
    if (missing.length) throw new HostError("import_not_found", `Premiere imported the media but Cutaway could not find ${missing[0]} in the "${binName}" bin. Look in the bin, or run again.`);
    return paths.map((p) => {
      const item = found.get(p)!;
      this.itemFor.set(p, item);
      return { path: p, projectItemId: item.getId(), name: item.name };
    });
  }

  /** the project item imported from `path` this session, else looked up in the bin */
  async itemForPath(project: PProject, path: string, binName: string): Promise<PProjectItem | null> {
    const known = this.itemFor.get(path);
    if (known) return known;
    const bin = await this.bin(project, binName, false);
    if (!bin) return null;
    for (const item of await bin.getItems()) {
      if (item.type !== this.ppro.ProjectItem.TYPE_CLIP) continue;
      const p = this.pathOf.get(item.getId()) ?? (await this.ppro.ClipProjectItem.cast(item).getMediaFilePath());
      this.pathOf.set(item.getId(), p);
      if (samePath(p, path)) {
        this.itemFor.set(path, item);
        return item;
      }
    }
    return null;
  }
}
