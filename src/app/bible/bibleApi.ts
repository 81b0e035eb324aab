/**
 * The bible as the panel sees and edits it. The panel imports only these types and calls these
 * methods; the pure model lives in src/bible, the file beside the project in bibleFile.ts.
 */
import type { BibleEntry, EntryKind, EntryPatch } from "../../bible";

export type { BibleEntry, BibleReference, EntryKind, EntryPatch } from "../../bible";

export interface BibleState {
  readonly loaded: boolean;
  readonly entries: readonly BibleEntry[];
  readonly revision: number;
  /** where the bible is saved */
  readonly path: string | null;
  readonly besideProject: boolean;
}

export interface BibleApi {
  getState(): BibleState;
  subscribe(listener: (state: BibleState) => void): () => void;
  /** reads the bible of the open project again (after the editor opened another one) */
  reload(): Promise<void>;
  /** adds the characters and places of a breakdown the bible does not have yet; resolves to how many */
  seedFromBreakdown(breakdown: { readonly shots: readonly { readonly characters?: readonly string[]; readonly location?: string }[]; readonly cast?: readonly { readonly name: string; readonly description: string }[] }): Promise<number>;
  addEntry(entry: { readonly kind: EntryKind; readonly name: string; readonly description?: string; readonly variants?: readonly string[]; readonly always?: boolean }): Promise<BibleEntry>;
  updateEntry(id: string, patch: EntryPatch): Promise<void>;
  /** forgets the entry; media generated with it and its reference images stay on disk */
  removeEntry(id: string): Promise<void>;
  mergeEntries(intoId: string, fromId: string): Promise<void>;
  /** true where the host has an open dialog (Premiere, the workbench) */
  canPickFiles(): boolean;
  /** the editor picks a PNG or JPEG in the open dialog; resolves false when they cancel */
  addReferenceFromPicker(id: string): Promise<boolean>;
  /** a PNG or JPEG on disk becomes a reference (the file is used where it is) */
  addReferenceFromFile(id: string, path: string): Promise<void>;
  /** a still an image model made (a storyboard frame) becomes a reference; the note names the model */
  addReferenceFromImageModel(id: string, path: string, modelId: string): Promise<void>;
  /** the frame of the sequence at the playhead, exported beside the project, becomes a reference */
  addReferenceFromPlayhead(id: string): Promise<void>;
  /** the middle frame of the first selected clip becomes a reference */
  addReferenceFromSelection(id: string): Promise<void>;
  removeReference(id: string, referenceId: string): Promise<void>;
  preferReference(id: string, referenceId: string): Promise<void>;
}
