/**
 * Cutaway's project documents (the bible, the storyboard) live beside the Premiere project, so they
 * must follow the project the editor has open: opening another project, or saving an unsaved one
 * for the first time, reads them again from the new place. Checked on every timeline refresh (the
 * host's project events are not relied on alone), one check at a time.
 */
export interface ProjectDocument {
  /** reads the document of the project now open */
  reload(): Promise<void>;
}

export class ProjectDocuments {
  private folder: string | null | undefined = undefined;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly projectFolder: () => Promise<string | null>,
    private readonly documents: readonly ProjectDocument[],
    private readonly say: (level: "info" | "warning", message: string) => void,
  ) {}

  /** the documents were loaded for the project in `folder` (at start) */
  loadedFor(folder: string | null): void {
    this.folder = folder;
  }

  /** reloads every document when the open project is not the one they were read for */
  check(): Promise<void> {
    this.checking ??= this.compare().finally(() => (this.checking = null));
    return this.checking;
  }

  private async compare(): Promise<void> {
    const now = await this.projectFolder().catch(() => undefined);
    // unknown (the host did not answer) or unchanged: nothing to do
    if (now === undefined || this.folder === undefined || now === this.folder) return;
    const first = this.folder === null;
    this.folder = now;
    for (const d of this.documents) await d.reload().catch((e: unknown) => this.say("warning", e instanceof Error ? e.message : String(e)));
    // a first save is the same project: its documents say themselves that they moved
    if (!first) this.say("info", "Another project is open: Cutaway now shows its bible and storyboard.");
  }
}
