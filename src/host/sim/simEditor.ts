/**
 * SequenceEditor of the stand-in: overwrite edits as Premiere makes them. A track index equal to
 * the count makes a new track, at most one new video and one new audio track per transaction, and
 * several actions aimed at the same new index fail together. Media with audio lands on the audio
 * track index given. Source in/out sit on the media's frames; the clip's length, on the sequence's. A still lays down the default still duration first, cutting whatever lies
 * there, and only then takes its in/out.
 */
import type { PProjectItem, PSequence, PSequenceEditor, PTickTime } from "../premiere/premiereApi";
import { SimRefusal, type SimCore, type TransactionContext } from "./simCore";
import { audioTracksOf, overwriteRange, type SimClip, type SimItem, type SimState } from "./simModel";
import { SimClipProjectItem, SimProjectItem } from "./simObjects";
import { SimSequenceObj } from "./simSequence";
import { ticksOf } from "./simTime";

/** Counts an action aimed at a not-yet-existing track; the second one fails the transaction. */
function newTrackTarget(core: SimCore, txn: TransactionContext, guid: string, kind: "video" | "audio"): void {
  const seen = txn.newTrackTargets.get(guid) ?? { video: 0, audio: 0 };
  txn.newTrackTargets.set(guid, seen);
  if (++seen[kind] > 1 && core.strict.oneNewTrackPerTransaction) {
    throw new SimRefusal(`several actions aimed at the same new ${kind} track in one transaction: they fail together (one new ${kind} track per transaction)`);
  }
}

function baseCounts(before: SimState, guid: string): { video: number; audio: number } {
  const seq = before.sequences.find((s) => s.guid === guid);
  return seq ? { video: seq.tracks.length, audio: audioTracksOf(seq).length } : { video: 0, audio: 0 };
}

function place(core: SimCore, d: SimState, it: SimItem, at: bigint, clips: { clips: SimClip[] }, defaultStill: bigint, ticksPerFrame: bigint): void {
  const srcIn = it.inPoint ?? 0n;
  let srcOut = it.outPoint ?? (it.durationTicks ?? defaultStill);
  // media on its own frame grid lands on the sequence's: the clip's length rounds to whole sequence frames
  if (it.frameTicks && core.strict.sourceSnapsToMediaFrames) srcOut = srcIn + ((srcOut - srcIn + ticksPerFrame / 2n) / ticksPerFrame) * ticksPerFrame;
  const base = { name: it.name, itemId: it.id, disabled: false };
  if (it.media === "still" && core.strict.stillsTakeDefaultDurationFirst) {
    // the default still duration lands first; what it covers is cut away before the trim to in/out
    const clip = { ...base, uid: d.nextUid++, start: at, end: at + defaultStill, inPoint: 0n, outPoint: defaultStill };
    overwriteRange(clips, clip, () => d.nextUid++);
    if (it.outPoint !== null) Object.assign(clip, { end: at + (srcOut - srcIn), inPoint: srcIn, outPoint: srcOut });
    return;
  }
  overwriteRange(clips, { ...base, uid: d.nextUid++, start: at, end: at + (srcOut - srcIn), inPoint: srcIn, outPoint: srcOut }, () => d.nextUid++);
}

export function simSequenceEditor(core: SimCore, sequence: PSequence, defaultStill: bigint): PSequenceEditor {
  core.count();
  if (!(sequence instanceof SimSequenceObj)) throw new SimRefusal("getEditor: not a stand-in sequence");
  const guid = sequence.guidString;
  return {
    createOverwriteItemAction(item: PProjectItem, time: PTickTime, videoTrackIndex: number, audioTrackIndex: number) {
      core.count();
      if (item instanceof SimClipProjectItem) throw new SimRefusal("createOverwriteItemAction takes the plain ProjectItem; the cast ClipProjectItem throws in Premiere.");
      if (!(item instanceof SimProjectItem)) throw new SimRefusal("createOverwriteItemAction: not a project item");
      if (!Number.isInteger(videoTrackIndex) || videoTrackIndex < 0 || !Number.isInteger(audioTrackIndex) || audioTrackIndex < 0) throw new SimRefusal("track indices must be whole numbers ≥ 0");
      const at = ticksOf(time);
      const itemId = item.getId();
      return core.action("createOverwriteItemAction", (d, txn) => {
        const seq = d.sequences.find((s) => s.guid === guid);
        if (!seq) throw new SimRefusal("the sequence was closed");
        const it = core.item(itemId, d);
        if (it.kind !== "clip") throw new SimRefusal("cannot place a bin");
        const base = baseCounts(txn.before, guid);
        if (videoTrackIndex > base.video) throw new SimRefusal(`video track ${videoTrackIndex} is past the next new track`);
        if (videoTrackIndex === base.video) {
          newTrackTarget(core, txn, guid, "video");
          if (videoTrackIndex === seq.tracks.length) seq.tracks.push({ name: `Video ${seq.tracks.length + 1}`, locked: false, clips: [] });
        }
        const track = seq.tracks[videoTrackIndex]!;
        if (track.locked) return; // Premiere answers true and changes nothing: callers must read back
        place(core, d, it, at, track, defaultStill, seq.ticksPerFrame);
        if (!it.hasAudio) return;
        const audio = audioTracksOf(seq);
        if (audioTrackIndex > base.audio) throw new SimRefusal(`audio track ${audioTrackIndex} is past the next new track`);
        if (audioTrackIndex === base.audio) {
          newTrackTarget(core, txn, guid, "audio");
          if (audioTrackIndex === audio.length) audio.push({ name: `Audio ${audio.length + 1}`, clips: [] });
          seq.audioTrackCount = audio.length;
        }
        place(core, d, it, at, audio[audioTrackIndex]!, defaultStill, seq.ticksPerFrame);
      });
    },
  };
}
