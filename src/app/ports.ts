/**
 * Ports only the app speaks: the editor host, settings and secrets. Hosts implement them
 * (host/premiere in Premiere, host/sim in tests and the workbench). The platform ports that jobs/
 * and backends/ need too (clock, fetch, files) are declared below them, in src/platform.
 * Nothing in here names a platform module.
 */
import type { Placement } from "../core/plan/types";
import type { FrameSize, Provenance, SequenceSnapshot } from "../core/timeline";
import type { Ticks } from "../core/time";

// Platform ports that lower layers (jobs, backends) need live below them; re-exported for the adapters.
export type { Clock, Fetch, FileStore, FileWriter } from "../platform/ports";
export type { BackendCatalog } from "../backends/types";

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

/** The system's open dialog for one image (a bible reference); null when the editor cancels. */
export interface ImagePicker {
  pickImage(): Promise<string | null>;
}
