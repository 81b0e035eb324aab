/**
 * Lands placements on the active sequence as ONE named undo step, without touching the editor's clips:
 *  1. awaited reads: re-check each target range on the live timeline (an O(1) check at the planned
 *     position, a binary search only when the track changed), find replaced originals;
 *  2. a source-prep transaction: in/out on each new project item (Premiere's way to fit a clip to a
 *     gap: there is no speed setter), colour label, provenance metadata;
 *  3. the timeline transaction, named for the editor: overwrite each clip onto its empty range, disable
 *     replaced originals;
 *  4. read back: a transaction can answer true and change nothing (a locked track), so every placement
 *     is confirmed on the timeline or reported as refused.
 */
import type { ApplyResult, RefusedPlacement, ResolvedPlacement } from "../../app/ports";
import { ticksToTimecode, type FrameRate, type TickRange, type Ticks } from "../../core/time";
import { clipIdAt, parseClipId } from "./clipIds";
import type { PAction, PProject, PProjectItem, PremiereModule, PSequence, PVideoClipTrackItem } from "./premiereApi";
import { provenanceFields, withFields } from "./provenance";
import { ticksOf, tickTime } from "./tickTime";

export interface ApplyContext {
  readonly ppro: PremiereModule;
  readonly project: PProject;
  readonly sequence: PSequence;
  readonly rate: FrameRate;
  /** the project item for each placement's media (imported before) */
  readonly itemFor: (placement: ResolvedPlacement) => Promise<PProjectItem | null>;
  /** where each track's clips were at the last snapshot: index hints for O(1) range checks */
  readonly hintIndex: (trackIndex: number, at: Ticks) => number | null;
  readonly suspectLocked: Set<number>;
  /** the schema columns exist (added once per session) */
  readonly ensureSchema: () => Promise<void>;
}

interface Accepted {
  readonly p: ResolvedPlacement;
  readonly item: PProjectItem;
  readonly trackIndex: number;
  readonly original: PVideoClipTrackItem | null;
}

/** First index whose clip ends after `at` (items are in timeline order). */
async function firstEndingAfter(items: readonly PVideoClipTrackItem[], at: Ticks): Promise<number> {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ticksOf(await items[mid]!.getEndTime()) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is `r` empty on a track? Checks the hinted slot first (two reads), searches only if the hint is stale. */
async function rangeFree(items: readonly PVideoClipTrackItem[], r: TickRange, hint: number | null): Promise<boolean> {
  const slotFree = async (k: number): Promise<boolean> =>
    (k === 0 || ticksOf(await items[k - 1]!.getEndTime()) <= r.start) && (k === items.length || ticksOf(await items[k]!.getStartTime()) >= r.end);
  if (hint !== null && hint >= 0 && hint <= items.length && (await slotFree(hint))) return true;
  const k = await firstEndingAfter(items, r.start);
  return k === items.length || ticksOf(await items[k]!.getStartTime()) >= r.end;
}

async function itemStartingAt(items: readonly PVideoClipTrackItem[], at: Ticks, hint: number | null): Promise<PVideoClipTrackItem | null> {
  if (hint !== null && items[hint] && ticksOf(await items[hint].getStartTime()) === at) return items[hint];
  const k = await firstEndingAfter(items, at);
  const it = items[k];
  return it && ticksOf(await it.getStartTime()) === at ? it : null;
}

export async function applyPlacements(ctx: ApplyContext, placements: readonly ResolvedPlacement[], undoName: string): Promise<ApplyResult> {
  const { ppro, project, sequence } = ctx;
  const refused: RefusedPlacement[] = [];
  const refuse = (p: ResolvedPlacement, code: string, reason: string): void => void refused.push({ placementId: p.id, code, reason });
  const tc = (t: Ticks): string => ticksToTimecode(t, ctx.rate);
  const clipType = ppro.Constants.TrackItemType.CLIP;

  const trackCount = await sequence.getVideoTrackCount();
  const audioCount = await sequence.getAudioTrackCount();
  const itemsOf = new Map<number, PVideoClipTrackItem[]>();
  const trackItems = async (i: number): Promise<PVideoClipTrackItem[]> => {
    let items = itemsOf.get(i);
    if (!items) {
      items = (await sequence.getVideoTrack(i)).getTrackItems(clipType, false);
      itemsOf.set(i, items);
    }
    return items;
  };

  // 1. re-check every range on the live timeline
  const accepted: Accepted[] = [];
  for (const p of placements) {
    // the plan's "new track" is whichever index is next now (only one new track per transaction works)
    const trackIndex = p.newTrack || p.trackIndex >= trackCount ? trackCount : p.trackIndex;
    const label = `V${trackIndex + 1} at ${tc(p.range.start)}`;
    if (ctx.suspectLocked.has(trackIndex)) {
      refuse(p, "locked", `${label} did not accept clips earlier — the track looks locked. Unlock it and run again; the shot is in the Cutaway bin.`);
      continue;
    }
    if (trackIndex < trackCount && !(await rangeFree(await trackItems(trackIndex), p.range, ctx.hintIndex(trackIndex, p.range.start)))) {
      refuse(p, "occupied", `${label} is no longer empty — something was placed there after planning. The shot is in the Cutaway bin.`);
      continue;
    }
    let original: PVideoClipTrackItem | null = null;
    if (p.replacesClipId) {
      const where = parseClipId(p.replacesClipId);
      original = where && where.trackIndex < trackCount ? await itemStartingAt(await trackItems(where.trackIndex), where.start, ctx.hintIndex(where.trackIndex, where.start)) : null;
      if (!original) {
        refuse(p, "original_moved", `The clip to replace at ${tc(p.range.start)} has moved or was deleted. Nothing was replaced; the shot is in the Cutaway bin.`);
        continue;
      }
    }
    const item = await ctx.itemFor(p);
    if (!item) {
      refuse(p, "missing_media", `The media for shot ${p.shotNumber} is not in the project. Run the shot again.`);
      continue;
    }
    accepted.push({ p, item, trackIndex, original });
  }
  if (accepted.length === 0) return { undoName, applied: [], refused };

  // 2. source prep: in/out, label, provenance (its own transaction: actions on project items, not the timeline)
  await ctx.ensureSchema();
  if (!(await prepareMedia(ppro, project, accepted))) return hostRefusedAll(undoName, accepted, refused, "Premiere refused to trim the new media; nothing was changed on the timeline.");

  // 3. the timeline edit: one named undo step
  let edited = false;
  project.lockedAccess(() => {
    const editor = ppro.SequenceEditor.getEditor(sequence);
    edited = project.executeTransaction((c) => {
      for (const a of accepted) {
        // a new empty audio track: generated audio must never land on the editor's dialogue
        const action: PAction = editor.createOverwriteItemAction(a.item, tickTime(ppro, a.p.range.start), a.trackIndex, audioCount);
        c.addAction(action);
        if (a.original) c.addAction(a.original.createSetDisabledAction(true));
      }
    }, undoName);
  });
  if (!edited) return hostRefusedAll(undoName, accepted, refused, "Premiere refused the edit; nothing was changed. Try again, or check that the sequence is not locked.");

  // 4. read back what landed
  const applied: { placementId: string; clipId: string }[] = [];
  const fixEnds: { item: PVideoClipTrackItem; end: Ticks }[] = [];
  const after = new Map<number, PVideoClipTrackItem[]>();
  for (const a of accepted) {
    let items = after.get(a.trackIndex);
    if (!items) {
      items = (await sequence.getVideoTrack(a.trackIndex)).getTrackItems(clipType, false);
      after.set(a.trackIndex, items);
    }
    const placed = await itemStartingAt(items, a.p.range.start, null);
    if (!placed || (await placed.getProjectItem()).getId() !== a.item.getId()) {
      ctx.suspectLocked.add(a.trackIndex);
      refuse(a.p, "not_placed", `V${a.trackIndex + 1} did not take shot ${a.p.shotNumber} at ${tc(a.p.range.start)} — is the track locked? Unlock it and run again; the shot is in the Cutaway bin.`);
      continue;
    }
    ctx.suspectLocked.delete(a.trackIndex);
    if (ticksOf(await placed.getEndTime()) !== a.p.range.end) fixEnds.push({ item: placed, end: a.p.range.end });
    applied.push({ placementId: a.p.id, clipId: clipIdAt(a.trackIndex, a.p.range.start) });
  }
  // stills can ignore source in/out and take the default still duration: trim them to the planned frame
  if (fixEnds.length) {
    project.lockedAccess(() => {
      project.executeTransaction((c) => fixEnds.forEach((f) => c.addAction(f.item.createSetEndAction(tickTime(ppro, f.end)))), undoName);
    });
  }
  return { undoName, applied, refused };
}

/** In/out (fit to the range), colour label and provenance on the new project items, as one transaction. */
export async function prepareMedia(ppro: PremiereModule, project: PProject, entries: readonly { readonly p: ResolvedPlacement; readonly item: PProjectItem }[]): Promise<boolean> {
  const metadata = await Promise.all(entries.map(async (a) => withFields(await ppro.Metadata.getProjectMetadata(a.item), provenanceFields(a.p.provenance))));
  let prepared = false;
  project.lockedAccess(() => {
    prepared = project.executeTransaction((c) => {
      entries.forEach((a, i) => {
        c.addAction(ppro.ClipProjectItem.cast(a.item).createSetInOutPointsAction(tickTime(ppro, a.p.sourceIn), tickTime(ppro, a.p.sourceOut)));
        if (a.p.labelIndex !== undefined) c.addAction(a.item.createSetColorLabelAction(a.p.labelIndex));
        const m = metadata[i]!;
        c.addAction(ppro.Metadata.createSetProjectMetadataAction(a.item, m.xml, m.updated));
      });
    }, "Cutaway: prepare media");
  });
  return prepared;
}

function hostRefusedAll(undoName: string, accepted: readonly Accepted[], refused: RefusedPlacement[], reason: string): ApplyResult {
  return { undoName, applied: [], refused: [...refused, ...accepted.map((a) => ({ placementId: a.p.id, code: "host_refused", reason }))] };
}

