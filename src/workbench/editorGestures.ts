/**
 * What the editor does by hand in Premiere's timeline, done to the stand-in: select clips (shift adds
 * or removes), move the playhead, mark in and out at the playhead. Through the stand-in's own change
 * path, so the panel hears about it the way it hears Premiere's events — and with Premiere's rules:
 * times land on frames, clips on locked tracks cannot be selected, marking an in after the out (or an
 * out before the in) drops the other mark. None of these is an undo step, as in Premiere.
 */
import { snapToFrame, type Ticks } from "../core/time";
import type { SimCore } from "../host/sim/simCore";
import type { SimSequence } from "../host/sim/simModel";
import { activeSequence, sequenceRate } from "./timelineModel";

function onActive(core: SimCore, change: (seq: SimSequence) => boolean): boolean {
  const seq = activeSequence(core.state);
  if (!seq) return false;
  let changed = false;
  core.mutate((s) => {
    const draft = activeSequence(s);
    if (draft) changed = change(draft);
  }, "selection");
  return changed;
}

/** A click on a clip: it alone is selected; with shift it joins (or leaves) the selection. */
export function clickClip(core: SimCore, uid: number, additive: boolean): boolean {
  return onActive(core, (seq) => {
    const track = seq.tracks.find((t) => t.clips.some((c) => c.uid === uid));
    if (!track || track.locked) return false;
    if (!additive) seq.selection = [uid];
    else seq.selection = seq.selection.includes(uid) ? seq.selection.filter((u) => u !== uid) : [...seq.selection, uid];
    return true;
  });
}

/** A click on an empty part of a track clears the selection. */
export function clearSelection(core: SimCore): boolean {
  return onActive(core, (seq) => {
    if (!seq.selection.length) return false;
    seq.selection = [];
    return true;
  });
}

/** The playhead parks on the frame nearest the click, never before the sequence's start. */
export function movePlayhead(core: SimCore, at: Ticks): boolean {
  return onActive(core, (seq) => {
    const t = snapToFrame(at < 0n ? 0n : at, sequenceRate(seq), "floor");
    if (t === seq.playhead) return false;
    seq.playhead = t;
    return true;
  });
}

export function markIn(core: SimCore): boolean {
  return onActive(core, (seq) => {
    seq.inPoint = seq.playhead;
    if (seq.outPoint !== null && seq.outPoint <= seq.inPoint) seq.outPoint = null;
    return true;
  });
}

export function markOut(core: SimCore): boolean {
  return onActive(core, (seq) => {
    seq.outPoint = seq.playhead;
    if (seq.inPoint !== null && seq.inPoint >= seq.outPoint) seq.inPoint = null;
    return true;
  });
}

export function clearInOut(core: SimCore): boolean {
  return onActive(core, (seq) => {
    if (seq.inPoint === null && seq.outPoint === null) return false;
    seq.inPoint = null;
    seq.outPoint = null;
    return true;
  });
}
