/**
 * Another take of a shot in place of the one Cutaway put there: the same range on the same track,
 * the same trims. Prep (in/out, provenance) commits first, the overwrite of exactly the old take's
 * range is the named step, and the timeline is read back before success is claimed.
 */
import type { ApplyResult, ResolvedPlacement } from "../../app/ports";
import type { Clip } from "../../core/timeline";
import { ticksToTimecode, type FrameRate } from "../../core/time";
import { audioTarget, readAudioTracks } from "./cutawayAudio";
import type { PProject, PProjectItem, PremiereModule, PSequence } from "./premiereApi";
import { prepareMedia } from "./prepareMedia";
import { ticksOf, tickTime } from "./tickTime";
import { clearAfter, itemStartingAt } from "./trackScan";

export interface SwapContext {
  readonly ppro: PremiereModule;
  readonly project: PProject;
  readonly sequence: PSequence;
  readonly rate: FrameRate;
  readonly items: (ids: readonly string[]) => Promise<Map<string, PProjectItem>>;
}

const STILL = /\.(png|jpe?g|tiff?|gif|bmp|psd|exr|dpx)$/i;

export async function swapTake(ctx: SwapContext, clip: Clip, itemId: string, take: ResolvedPlacement, undoName: string): Promise<ApplyResult> {
  const { ppro, project, sequence } = ctx;
  const refuse = (code: string, reason: string): ApplyResult => ({ undoName, applied: [], refused: [{ placementId: take.id, code, reason }] });
  const range = { start: clip.start, end: clip.end };
  const swap: ResolvedPlacement = { ...take, range, trackIndex: clip.trackIndex, newTrack: false, sourceOut: take.sourceIn + (range.end - range.start) };
  const clipType = ppro.Constants.TrackItemType.CLIP;
  const trackItems = async () => (await sequence.getVideoTrack(clip.trackIndex)).getTrackItems(clipType, false);
  if (STILL.test(take.mediaPath) && !(await clearAfter(await trackItems(), range.end))) {
    return refuse("still_would_cut", "That take is a still: laid over this clip, Premiere's default still duration would cut into the next clip on the track. Place it from the bin by hand.");
  }
  const prepItem = (await ctx.items([itemId])).get(itemId);
  if (!prepItem) return refuse("missing_media", "The take's media is not in the Cutaway bin. Run it again.");
  if (!(await prepareMedia(ppro, project, [{ p: swap, item: prepItem }]))) return refuse("host_refused", "Premiere refused to trim the take; nothing changed.");
  // the prep commit made every object read before it stale: read again
  const item = (await ctx.items([itemId])).get(itemId);
  if (!item) return refuse("missing_media", "The take's media left the Cutaway bin.");
  const audio = audioTarget(await readAudioTracks(sequence));
  let ok = false;
  project.lockedAccess(() => {
    const editor = ppro.SequenceEditor.getEditor(sequence);
    ok = project.executeTransaction((c) => {
      c.addAction(editor.createOverwriteItemAction(item, tickTime(ppro, range.start), clip.trackIndex, audio));
    }, undoName);
  });
  if (!ok) return refuse("host_refused", "Premiere refused the swap; nothing changed.");
  // read back: a transaction can answer true and change nothing
  const placed = await itemStartingAt(await trackItems(), range.start, null);
  if (!placed || (await placed.getProjectItem())?.getId() !== itemId) {
    return refuse("not_placed", `V${clip.trackIndex + 1} did not take the new take at ${ticksToTimecode(range.start, ctx.rate)} — is the track locked? The take is in the Cutaway bin.`);
  }
  if (ticksOf(await placed.getEndTime()) !== range.end) {
    project.lockedAccess(() => {
      project.executeTransaction((c) => void c.addAction(placed.createSetEndAction(tickTime(ppro, range.end))), undoName);
    });
  }
  return { undoName, applied: [{ placementId: take.id, clipId: clip.id }], refused: [] };
}
