/**
 * Ports: what the app needs from the outside world. Hosts implement them (host/premiere in
 * Premiere, host/sim in tests and the workbench, host/node for the CLI demo and benches).
 * Nothing in here names a platform module.
 */
import type { Placement } from "../core/plan/types";
import type { FrameSize, Provenance, SequenceSnapshot } from "../core/timeline";
import type { Ticks } from "../core/time";

/** A placement whose media is on disk and imported, ready to land on the timeline. */
export interface ResolvedPlacement extends Placement {
  /** native absolute path of the verified media file */
  readonly mediaPath: string;
  readonly provenance: Provenance;
  /** Premiere colour label index for generated items */
  readonly labelIndex?: number;
}

export interface ImportedMedia {
  readonly path: string;
  /** host's id for the project item (Premiere: the item's guid/tree path; sim: its id) */
  readonly projectItemId: string;
  readonly name: string;
}

export interface AppliedPlacement {
  readonly placementId: string;
  /** the new clip's id as it will appear in the next snapshot */
  readonly clipId: string;
}

export interface RefusedPlacement {
  readonly placementId: string;
  /** "occupied" | "locked" | "no_sequence" | "missing_media" | "host_refused" | … */
  readonly code: string;
  /** a sentence for the editor */
  readonly reason: string;
}

export interface ApplyResult {
  readonly undoName: string;
  readonly applied: readonly AppliedPlacement[];
  readonly refused: readonly RefusedPlacement[];
}

export interface EditorHost {
  /** the active sequence; throws a HostError with code "no_sequence" when none is open */
  snapshot(): Promise<SequenceSnapshot>;
  /** import into the named bin (created once, found again by name); results in the order of `paths` */
  importMedia(paths: readonly string[], binName: string): Promise<readonly ImportedMedia[]>;
  /**
   * Re-reads the target ranges, refuses placements whose range is no longer free (or whose track
   * is locked), and applies the rest as ONE named undo step.
   */
  applyPlacements(placements: readonly ResolvedPlacement[], undoName: string): Promise<ApplyResult>;
  /**
   * Replaces a clip Cutaway placed earlier with another take of the same shot: same range, same
   * trims, one undo step. Refuses when `clipId` is not a Cutaway clip.
   */
  swapTake(clipId: string, take: ResolvedPlacement, undoName: string): Promise<ApplyResult>;
  /** a still of the sequence at `at`, written to `filePath` (PNG); resolves to the path written */
  exportFrame(at: Ticks, filePath: string, size: FrameSize): Promise<string>;
  /** a new sequence with the active sequence's settings, made active; resolves to its id */
  createSequence(name: string): Promise<string>;
  /** the folder of the open project (media goes beside it), or null for an unsaved project */
  projectFolder(): Promise<string | null>;
  /** called when the sequence or selection changes; returns an unsubscribe function */
  onChange(listener: () => void): () => void;
}

export interface FileWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** closes and deletes the partial file */
  abort(): Promise<void>;
}

/** Paths are native absolute paths with "/" separators (the UXP adapter converts). */
export interface FileStore {
  /** the plugin's own persistent folder: journal, settings */
  dataFolder(): Promise<string>;
  join(...parts: string[]): string;
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  /** file names (not paths) in a folder; [] when it does not exist */
  list(dir: string): Promise<readonly string[]>;
  size(path: string): Promise<number>;
  mkdirp(dir: string): Promise<void>;
  /** writes to a temp name beside `path`, then renames: readers never see half a file */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  appendText(path: string, text: string): Promise<void>;
  openWriter(path: string): Promise<FileWriter>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

/** API keys only. Backed by UXP secure storage in Premiere; a missing key means "ask again". */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Preferences (never keys). The app validates what comes back with zod. */
export interface SettingsStore {
  load(): Promise<unknown>;
  save(settings: unknown): Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type Fetch = typeof fetch;

/**
 * The generation backends the app can use: capabilities are static data (shown before any key is
 * entered); `create` builds a client with the editor's key and base URL.
 */
export interface BackendCatalog {
  ids(): readonly string[];
  capabilities(id: string): import("../backends/types").BackendCapabilities;
  /** `workflow`: the ComfyUI workflow JSON from settings (other backends ignore it) */
  create(id: string, config: { readonly apiKey: string | null; readonly baseUrl?: string; readonly workflow?: string | null }): import("../backends/types").GenerationBackend;
}
