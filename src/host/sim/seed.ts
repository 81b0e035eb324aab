/**
 * Seeding the stand-in from a core snapshot (the demo sequence, test fixtures) so tests describe
 * timelines in frames with the builder and then read them back through the real adapter.
 */
import type { Clip, MediaKind, SequenceSnapshot } from "../../core/timeline";
import { timebaseFromRate } from "../../core/time";
import { provenanceFields, PROVENANCE_COLUMNS } from "../premiere/provenance";
import { emptyState, ROOT_BIN_ID, type SimAudioTrack, type SimItem, type SimMediaKind, type SimState } from "./simModel";

function simKind(k: MediaKind): SimMediaKind {
  switch (k) {
    case "still":
    case "colorMatte":
    case "slug":
    case "bars":
    case "title":
    case "graphic":
    case "adjustment":
    case "sequence":
      return k;
    default:
      return "video";
  }
}

/** Adds one sequence (made active) built from a snapshot; clips of the same media share one project item. */
export function addSequence(state: SimState, s: SequenceSnapshot): string {
  const guid = `seq-${state.nextItem++}`;
  const bin: SimItem = { id: `item-${state.nextItem++}`, kind: "bin", name: "Footage", parentId: ROOT_BIN_ID, mediaPath: "", media: "video", durationTicks: null, hasAudio: false, inPoint: null, outPoint: null, colorLabel: 0, metadata: {} };
  state.items.push(bin);
  const byPath = new Map<string, SimItem>();
  const uidOf = new Map<string, number>();
  const itemFor = (c: Clip): SimItem => {
    const reuse = c.mediaPath && !c.provenance ? byPath.get(c.mediaPath) : undefined;
    if (reuse) {
      if (reuse.durationTicks !== null && c.outPoint > reuse.durationTicks) reuse.durationTicks = c.outPoint;
      return reuse;
    }
    const media = simKind(c.mediaKind);
    const it: SimItem = {
      id: `item-${state.nextItem++}`,
      kind: "clip",
      name: c.name,
      parentId: bin.id,
      mediaPath: c.mediaPath ?? "",
      media,
      // footage is at least as long as its longest use (plus a handle); synthetic media is unbounded
      durationTicks: media === "video" && c.mediaPath ? c.outPoint + 254_016_000_000n : null,
      hasAudio: media === "video",
      frameTicks: media === "video" ? BigInt(timebaseFromRate(s.rate)) : null,
      inPoint: null,
      outPoint: null,
      colorLabel: c.labelIndex ?? 0,
      metadata: c.provenance ? provenanceFields(c.provenance) : {},
    };
    if (c.provenance) for (const [name] of PROVENANCE_COLUMNS) if (!state.schema.includes(name)) state.schema.push(name);
    state.items.push(it);
    if (c.mediaPath) byPath.set(c.mediaPath, it);
    return it;
  };
  const tracks = s.videoTracks.map((t) => ({
    name: t.name,
    locked: t.locked,
    clips: t.clips.map((c) => {
      const uid = state.nextUid++;
      uidOf.set(c.id, uid);
      return { uid, start: c.start, end: c.end, inPoint: c.inPoint, outPoint: c.outPoint, name: c.name, itemId: itemFor(c).id, disabled: !c.enabled };
    }),
  }));
  // the dialogue: V1 footage with sound is linked to A1 and A2 (a stereo pair), as an editor's cut has it
  const audioTracks: SimAudioTrack[] = Array.from({ length: s.audioTrackCount }, (_, i) => ({ name: `Audio ${i + 1}`, clips: [] }));
  for (const c of tracks[0]?.clips ?? []) {
    if (!state.items.find((i) => i.id === c.itemId)?.hasAudio) continue;
    for (const a of audioTracks.slice(0, 2)) a.clips.push({ ...c, uid: state.nextUid++ });
  }
  state.sequences.push({
    guid,
    name: s.name,
    ticksPerFrame: BigInt(timebaseFromRate(s.rate)),
    width: s.frameSize.width,
    height: s.frameSize.height,
    tracks,
    audioTrackCount: s.audioTrackCount,
    audioTracks,
    markers: s.markers.map((m) => ({ name: m.name, comments: m.comments, start: m.start, duration: m.duration, colorIndex: m.colorIndex })),
    playhead: s.playhead,
    inPoint: s.inPoint,
    outPoint: s.outPoint,
    selection: s.selection.flatMap((id) => uidOf.get(id) ?? []),
  });
  state.activeGuid = guid;
  return guid;
}

export function stateFromSnapshot(s: SequenceSnapshot): SimState {
  const state = emptyState();
  addSequence(state, s);
  return state;
}
