/**
 * Puts downloaded takes on the timeline. Guards against double placement across reloads: before
 * applying, the snapshot is searched for a clip whose provenance names the same job — if one is
 * there, a previous run already placed it and we only record that.
 */
import type { Placement } from "../../core/plan/types";
import type { Provenance, SequenceSnapshot } from "../../core/timeline";
import type { ApplyResult, EditorHost, RefusedPlacement, ResolvedPlacement } from "../ports";

/** Premiere label index used for generated media ("Mango" in the default label set). */
export const GENERATED_LABEL = 11;
export const SLATE_LABEL = 4;

export const CUTAWAY_BIN = "Cutaway";

export interface ReadyTake {
  readonly placement: Placement;
  readonly mediaPath: string;
  readonly provenance: Provenance;
}

export function resolve(take: ReadyTake): ResolvedPlacement {
  return {
    ...take.placement,
    mediaPath: take.mediaPath,
    provenance: take.provenance,
    labelIndex: take.provenance.slate ? SLATE_LABEL : GENERATED_LABEL,
  };
}

export function findPlacedClip(snapshot: SequenceSnapshot, jobId: string): string | null {
  for (const track of snapshot.videoTracks) {
    for (const clip of track.clips) if (clip.provenance?.jobId === jobId) return clip.id;
  }
  return null;
}

export interface PlaceOutcome {
  readonly placed: ReadonlyMap<string, string>; // placement id → clip id
  readonly refused: ReadonlyMap<string, RefusedPlacement>; // placement id → code and reason
  readonly undoName: string | null;
}

/**
 * Imports every take's media into the Cutaway bin (all takes land in the bin) and applies the
 * `onTimeline` subset as one named undo step.
 */
export async function placeTakes(host: EditorHost, onTimeline: readonly ReadyTake[], binOnly: readonly ReadyTake[], undoName: string): Promise<PlaceOutcome> {
  const placed = new Map<string, string>();
  const refused = new Map<string, RefusedPlacement>();
  const paths = [...onTimeline, ...binOnly].map((t) => t.mediaPath);
  if (paths.length > 0) await host.importMedia([...new Set(paths)], CUTAWAY_BIN);
  if (onTimeline.length === 0) return { placed, refused, undoName: null };

  const snapshot = await host.snapshot();
  const todo: ResolvedPlacement[] = [];
  for (const t of onTimeline) {
    const existing = findPlacedClip(snapshot, t.provenance.jobId);
    if (existing) placed.set(t.placement.id, existing);
    else todo.push(resolve(t));
  }
  if (todo.length === 0) return { placed, refused, undoName: null };
  const result: ApplyResult = await host.applyPlacements(todo, undoName);
  for (const a of result.applied) placed.set(a.placementId, a.clipId);
  // a track that silently refused (Premiere has no lock getter) is now known: the shot goes to a new top track instead
  const lockedOut = (r: RefusedPlacement): boolean => r.code === "not_placed" || r.code === "locked";
  const retry = result.refused.filter(lockedOut);
  const others = result.refused.filter((r) => !lockedOut(r));
  for (const r of others) refused.set(r.placementId, r);
  if (retry.length) {
    const fresh = await host.snapshot();
    const top = fresh.videoTracks.length;
    const moved = todo.filter((t) => retry.some((r) => r.placementId === t.id)).map((t) => ({ ...t, trackIndex: top, newTrack: true }));
    const second = await host.applyPlacements(moved, undoName);
    for (const a of second.applied) placed.set(a.placementId, a.clipId);
    for (const r of second.refused) refused.set(r.placementId, r);
  }
  return { placed, refused, undoName: result.undoName };
}

export function undoNameFor(kind: string, count: number): string {
  const n = `${count} ${count === 1 ? "shot" : "shots"}`;
  switch (kind) {
    case "fill-gaps":
      return `Cutaway: fill ${count} ${count === 1 ? "gap" : "gaps"}`;
    case "broll":
      return `Cutaway: B-roll, ${n}`;
    case "replace-placeholders":
      return `Cutaway: replace ${count} ${count === 1 ? "placeholder" : "placeholders"}`;
    case "script-to-cut":
      return `Cutaway: rough cut, ${n}`;
    case "extend":
      return `Cutaway: extend, ${n}`;
    case "bridge":
      return `Cutaway: bridge ${count} ${count === 1 ? "gap" : "gaps"}`;
    case "conform":
      return `Cutaway: conform ${count} ${count === 1 ? "draft" : "drafts"}`;
    default:
      return `Cutaway: place ${n}`;
  }
}
