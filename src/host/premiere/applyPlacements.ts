/**
 * Lands placements on the active sequence without touching the editor's clips at any moment:
 *  1. awaited reads: re-check each target range on the live timeline (an O(1) check at the planned
 *     position, a binary search only when the track changed), find replaced originals;
 *  2. source prep for the whole batch, one transaction ("Cutaway: prepare media");
 *  3. the timeline edit, one step named for the editor: overwrite each clip onto its empty range,
 *     disable replaced originals. Every host object is read again after each commit (Premiere
 *     invalidates them). Premiere takes one new video and one new audio track per transaction, so
 *     the rest of a new track's clips, and generated sound's track name, follow in a second step of
 *     the same name — only when a new track is made;
 *  4. read back: a transaction can answer true and change nothing (a locked track), so every placement
 *     is confirmed on the timeline or reported as refused; ends a still or a media frame grid left
 *     off the planned frame are trimmed in one more step of the same name.
 * A still first lays down Premiere's default still duration, which could cut into a clip after it:
 * a still goes onto its track only when nothing there lies after its range, else onto the new track.
 */
import type { ApplyResult, RefusedPlacement, ResolvedPlacement } from "../../app/ports";
import { ticksToTimecode, type FrameRate, type Ticks } from "../../core/time";
import { clipIdAt, parseClipId } from "./clipIds";
import { audioTarget, CUTAWAY_AUDIO_TRACK, readAudioTracks, type AudioTracks } from "./cutawayAudio";
import type { PAction, PProject, PProjectItem, PremiereModule, PSequence, PVideoClipTrackItem } from "./premiereApi";
import { prepareMedia } from "./prepareMedia";
import { ticksOf, tickTime } from "./tickTime";
import { clearAfter, itemStartingAt, rangeFree } from "./trackScan";

export interface ApplyContext {
  readonly ppro: PremiereModule;
  readonly project: PProject;
  readonly sequence: PSequence;
  readonly rate: FrameRate;
  /** the id of each placement's project item (imported before) */
  readonly itemIdFor: (placement: ResolvedPlacement) => Promise<string | null>;
  /** fresh project item objects for ids (objects read before a commit are not valid after it) */
  readonly items: (ids: readonly string[]) => Promise<Map<string, PProjectItem>>;
  /** where each track's clips were at the last snapshot: index hints for O(1) range checks */
  readonly hintIndex: (trackIndex: number, at: Ticks) => number | null;
  readonly suspectLocked: Set<number>;
  /** the schema columns exist (added once per session) */
  readonly ensureSchema: () => Promise<void>;
}

interface Accepted {
  readonly p: ResolvedPlacement;
  readonly itemId: string;
  /** where it goes: the planned track, or the new track */
  trackIndex: number;
  readonly still: boolean;
  readonly original: { readonly trackIndex: number; readonly start: Ticks } | null;
}

const STILL = /\.(png|jpe?g|tiff?|gif|bmp|psd|exr|dpx)$/i;

/** Track items per track, read once between commits. */
class TrackReader {
  private cache = new Map<number, PVideoClipTrackItem[]>();
  constructor(private readonly ctx: ApplyContext) {}
  async items(i: number): Promise<PVideoClipTrackItem[]> {
    let items = this.cache.get(i);
    if (!items) {
      items = (await this.ctx.sequence.getVideoTrack(i)).getTrackItems(this.ctx.ppro.Constants.TrackItemType.CLIP, false);
      this.cache.set(i, items);
    }
    return items;
  }
  /** after a commit: every object read so far is stale */
  committed(): void {
    this.cache = new Map();
  }
}

export async function applyPlacements(ctx: ApplyContext, placements: readonly ResolvedPlacement[], undoName: string): Promise<ApplyResult> {
  const { ppro, project, sequence } = ctx;
  const refused: RefusedPlacement[] = [];
  const refuse = (p: ResolvedPlacement, code: string, reason: string): void => void refused.push({ placementId: p.id, code, reason });
  const tc = (t: Ticks): string => ticksToTimecode(t, ctx.rate);
  const tracks = new TrackReader(ctx);
  const trackCount = await sequence.getVideoTrackCount();

  // 1. re-check every range on the live timeline
  let accepted: Accepted[] = [];
  for (const p of placements) {
    // the plan's "new track" is the one an earlier batch of the same run already added, while its
    // range is free there (shots arriving one by one must not add a track each); else the next index
    const reuse = p.newTrack && p.trackIndex < trackCount && !ctx.suspectLocked.has(p.trackIndex) && (await rangeFree(await tracks.items(p.trackIndex), p.range, ctx.hintIndex(p.trackIndex, p.range.start)));
    const trackIndex = reuse ? p.trackIndex : p.newTrack || p.trackIndex >= trackCount ? trackCount : p.trackIndex;
    const label = `V${trackIndex + 1} at ${tc(p.range.start)}`;
    if (ctx.suspectLocked.has(trackIndex)) {
      refuse(p, "locked", `${label} did not accept clips earlier — the track looks locked. Unlock it and run again; the shot is in the Cutaway bin.`);
      continue;
    }
    if (trackIndex < trackCount && !(await rangeFree(await tracks.items(trackIndex), p.range, ctx.hintIndex(trackIndex, p.range.start)))) {
      refuse(p, "occupied", `${label} is no longer empty — something was placed there after planning. The shot is in the Cutaway bin.`);
      continue;
    }
    let original: Accepted["original"] = null;
    if (p.replacesClipId) {
      const where = parseClipId(p.replacesClipId);
      const found = where && where.trackIndex < trackCount ? await itemStartingAt(await tracks.items(where.trackIndex), where.start, ctx.hintIndex(where.trackIndex, where.start)) : null;
      if (!where || !found) {
        refuse(p, "original_moved", `The clip to replace at ${tc(p.range.start)} has moved or was deleted. Nothing was replaced; the shot is in the Cutaway bin.`);
        continue;
      }
      original = where;
    }
    const itemId = await ctx.itemIdFor(p);
    if (!itemId) {
      refuse(p, "missing_media", `The media for shot ${p.shotNumber} is not in the project. Run the shot again.`);
      continue;
    }
    accepted.push({ p, itemId, trackIndex, still: STILL.test(p.mediaPath), original });
  }
  const ids = (list: readonly Accepted[]): string[] => [...new Set(list.map((a) => a.itemId))];
  let items = await ctx.items(ids(accepted));
  accepted = accepted.filter((a) => items.has(a.itemId) || void refuse(a.p, "missing_media", `The media for shot ${a.p.shotNumber} is no longer in the Cutaway bin. Run the shot again.`));
  if (accepted.length === 0) return { undoName, applied: [], refused };

  // 2. source prep for the whole batch
  await ctx.ensureSchema();
  if (!(await prepareMedia(ppro, project, accepted.map((a) => ({ p: a.p, item: items.get(a.itemId)! }))))) return hostRefusedAll(undoName, accepted, refused, "Premiere refused to trim the new media; nothing was changed on the timeline.");
  tracks.committed();

  // 3. the timeline edit
  const audio = await readAudioTracks(sequence);
  const blocked: Accepted[] = [];
  for (const a of accepted) {
    if (!a.still || a.trackIndex >= trackCount || (await clearAfter(await tracks.items(a.trackIndex), a.p.range.end))) continue;
    // the new top track is safe only if nothing above (a protected title) shares the still's time
    let coveredAbove = false;
    for (let t = a.trackIndex + 1; t < trackCount && !coveredAbove; t++) coveredAbove = !(await rangeFree(await tracks.items(t), a.p.range, null));
    if (coveredAbove) blocked.push(a);
    else a.trackIndex = trackCount;
  }
  for (const a of blocked) refuse(a.p, "still_would_cut", `Shot ${a.p.shotNumber} is a still: Premiere would first lay it down at its default still duration and cut into the next clip on V${a.trackIndex + 1}, and the tracks above are taken. Place it from the Cutaway bin by hand.`);
  accepted = accepted.filter((a) => !blocked.includes(a));
  if (accepted.length === 0) return { undoName, applied: [], refused };
  accepted.sort((x, y) => (x.p.range.start < y.p.range.start ? -1 : x.p.range.start > y.p.range.start ? 1 : 0));
  const laneFirst = accepted.find((a) => a.trackIndex === trackCount);
  let first = accepted.filter((a) => a.trackIndex < trackCount || a === laneFirst);
  let second = accepted.filter((a) => !first.includes(a));
  items = await ctx.items(ids(accepted));
  const edit = async (list: readonly Accepted[], audioIndex: number, nameAudio: number | null): Promise<{ ok: boolean; moved: Accepted[] }> => {
    const originals = new Map<Accepted, PVideoClipTrackItem>();
    const moved: Accepted[] = [];
    for (const a of list) {
      if (!a.original) continue;
      const o = await itemStartingAt(await tracks.items(a.original.trackIndex), a.original.start, ctx.hintIndex(a.original.trackIndex, a.original.start));
      if (o) originals.set(a, o);
      else moved.push(a);
    }
    const audioTrack = nameAudio === null ? null : await sequence.getAudioTrack(nameAudio);
    const todo = list.filter((a) => !moved.includes(a));
    if (todo.length === 0 && !audioTrack) return { ok: true, moved };
    let ok = false;
    project.lockedAccess(() => {
      const editor = ppro.SequenceEditor.getEditor(sequence);
      ok = project.executeTransaction((c) => {
        for (const a of todo) {
          const action: PAction = editor.createOverwriteItemAction(items.get(a.itemId)!, tickTime(ppro, a.p.range.start), a.trackIndex, audioIndex);
          c.addAction(action);
          const o = originals.get(a);
          if (o) c.addAction(o.createSetDisabledAction(true));
        }
        if (audioTrack) c.addAction(audioTrack.createSetNameAction(CUTAWAY_AUDIO_TRACK));
      }, undoName);
    });
    return { ok, moved };
  };

  let r = first.length ? await edit(first, audioTarget(audio), null) : { ok: true, moved: [] as Accepted[] };
  if (!r.ok && audio.cutaway === null && first.filter((a) => !a.still).length > 1) {
    // several clips with sound aimed at the one new audio track fail together: one makes the track, the rest follow it
    const keep = laneFirst && !laneFirst.still ? laneFirst : first.find((a) => !a.still);
    const later = first.filter((a) => !a.still && a !== keep);
    first = first.filter((a) => !later.includes(a));
    second = [...later, ...second].sort((x, y) => (x.p.range.start < y.p.range.start ? -1 : 1));
    r = await edit(first, audioTarget(audio), null);
  }
  if (!r.ok) return hostRefusedAll(undoName, accepted, refused, "Premiere refused the edit; nothing was changed. Try again, or check that the sequence is not locked.");
  for (const a of r.moved) refuse(a.p, "original_moved", `The clip to replace at ${tc(a.p.range.start)} has moved or was deleted. Nothing was replaced; the shot is in the Cutaway bin.`);
  let landed = first.filter((a) => !r.moved.includes(a));
  tracks.committed();
  const now = await readAudioTracks(sequence);
  const madeAudio = audio.cutaway === null && now.count > audio.count ? audio.count : null;
  if (second.length || madeAudio !== null) {
    items = await ctx.items(ids(second));
    const r2 = await edit(second, madeAudio ?? audioTarget(now), madeAudio);
    tracks.committed();
    if (r2.ok) landed = [...landed, ...second.filter((a) => !r2.moved.includes(a))];
    for (const a of r2.ok ? r2.moved : second) refuse(a.p, r2.ok ? "original_moved" : "host_refused", r2.ok ? `The clip to replace at ${tc(a.p.range.start)} has moved or was deleted.` : "Premiere refused the second part of the edit (clips for the new track); the rest landed. Run it again.");
  }
  return readBack(ctx, tracks, landed, refused, undoName);
}

/** 4. Confirms each placement on the timeline; trims ends that are off the planned frame (stills, media frame grids). */
async function readBack(ctx: ApplyContext, tracks: TrackReader, landed: readonly Accepted[], refused: RefusedPlacement[], undoName: string): Promise<ApplyResult> {
  const { ppro, project } = ctx;
  const tc = (t: Ticks): string => ticksToTimecode(t, ctx.rate);
  const applied: { placementId: string; clipId: string }[] = [];
  const fixEnds: { item: PVideoClipTrackItem; end: Ticks }[] = [];
  for (const a of landed) {
    const placed = await itemStartingAt(await tracks.items(a.trackIndex), a.p.range.start, null);
    const placedItem = placed ? await placed.getProjectItem() : null;
    if (!placed || placedItem?.getId() !== a.itemId) {
      ctx.suspectLocked.add(a.trackIndex);
      refused.push({ placementId: a.p.id, code: "not_placed", reason: `V${a.trackIndex + 1} did not take shot ${a.p.shotNumber} at ${tc(a.p.range.start)} — is the track locked? Unlock it and run again; the shot is in the Cutaway bin.` });
      continue;
    }
    ctx.suspectLocked.delete(a.trackIndex);
    if (ticksOf(await placed.getEndTime()) !== a.p.range.end) fixEnds.push({ item: placed, end: a.p.range.end });
    applied.push({ placementId: a.p.id, clipId: clipIdAt(a.trackIndex, a.p.range.start) });
  }
  if (fixEnds.length) {
    project.lockedAccess(() => {
      project.executeTransaction((c) => fixEnds.forEach((f) => c.addAction(f.item.createSetEndAction(tickTime(ppro, f.end)))), undoName);
    });
    tracks.committed();
  }
  return { undoName, applied, refused };
}

function hostRefusedAll(undoName: string, accepted: readonly Accepted[], refused: RefusedPlacement[], reason: string): ApplyResult {
  return { undoName, applied: [], refused: [...refused, ...accepted.map((a) => ({ placementId: a.p.id, code: "host_refused", reason }))] };
}
