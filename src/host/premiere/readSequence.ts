/**
 * Reads the active sequence into a core snapshot: every video track and clip, markers, playhead,
 * in/out, selection, frame size and the rate from the timebase. All awaited reads, no edits; times
 * come from `ticks` strings so nothing is rounded.
 */
import { HostError } from "../../app/hostError";
import { rateFromTimebase } from "../../core/time";
import { validateSnapshot, type Clip, type Marker, type MediaKind, type Provenance, type SequenceSnapshot, type Track } from "../../core/timeline";
import { nativePath } from "./paths";
import { clipIdAt } from "./clipIds";
import type { PremiereModule, PProjectItem, PSequence, PVideoClipTrackItem } from "./premiereApi";
import { readProvenance } from "./provenance";
import { ticksOf } from "./tickTime";

const STILL = /\.(png|jpe?g|tiff?|gif|bmp|psd|exr|dpx)$/i;

/** Synthetic media has no file: tell mattes, slugs, bars and graphics apart by Premiere's default names. */
function syntheticKind(name: string): MediaKind {
  if (/colou?r\s*matte/i.test(name)) return "colorMatte";
  if (/bars/i.test(name)) return "bars";
  if (/black\s*video|slug|transparent\s*video/i.test(name)) return "slug";
  if (/title|lower\s*third|caption|text/i.test(name)) return "title";
  return "graphic";
}

export interface ReadOptions {
  /** project item ids in Cutaway's bin: only those are asked for provenance (a metadata read each) */
  readonly cutawayItemIds: ReadonlySet<string>;
  /** tracks that refused an edit earlier this session: Premiere has no lock getter, this is the best we know */
  readonly suspectLocked: ReadonlySet<number>;
}


async function readClip(ppro: PremiereModule, item: PVideoClipTrackItem, trackIndex: number, opts: ReadOptions): Promise<Clip> {
  const [name, start, end, inPoint, outPoint, disabled, adjustment, projectItem] = await Promise.all([
    item.getName(),
    item.getStartTime(),
    item.getEndTime(),
    item.getInPoint(),
    item.getOutPoint(),
    item.isDisabled(),
    item.isAdjustmentLayer(),
    item.getProjectItem(),
  ]);
  const media = await readMedia(ppro, projectItem, name, adjustment, opts);
  const s = ticksOf(start);
  return {
    id: clipIdAt(trackIndex, s),
    trackIndex,
    start: s,
    end: ticksOf(end),
    inPoint: ticksOf(inPoint),
    outPoint: ticksOf(outPoint),
    name,
    mediaPath: media.path,
    mediaKind: media.kind,
    enabled: !disabled,
    ...(media.label !== undefined ? { labelIndex: media.label } : {}),
    ...(media.provenance ? { provenance: media.provenance } : {}),
  };
}

interface MediaInfo {
  readonly path: string | null;
  readonly kind: MediaKind;
  readonly label: number | undefined;
  readonly provenance: Provenance | null;
}

/**
 * What a clip shows. Graphics and text clips (and some adjustment layers) have no project item, or
 * one that does not cast to a clip: they are read as occupied ranges of a synthetic kind, and one
 * clip Premiere cannot describe never fails the whole read.
 */
async function readMedia(ppro: PremiereModule, pi: PProjectItem | null | undefined, clipName: string, adjustment: boolean, opts: ReadOptions): Promise<MediaInfo> {
  if (adjustment) return { path: null, kind: "adjustment", label: undefined, provenance: null };
  if (!pi) return { path: null, kind: syntheticKind(clipName), label: undefined, provenance: null };
  try {
    const clip = ppro.ClipProjectItem.cast(pi);
    if (!clip) return { path: null, kind: syntheticKind(clipName), label: undefined, provenance: null };
    const [rawPath, nested, label] = await Promise.all([clip.getMediaFilePath(), clip.isSequence(), pi.getColorLabelIndex()]);
    const path = rawPath ? nativePath(rawPath) : "";
    const provenance = opts.cutawayItemIds.has(pi.getId()) ? readProvenance(await ppro.Metadata.getProjectMetadata(pi)) : null;
    const kind: MediaKind = nested ? "sequence" : !path ? syntheticKind(clipName) : STILL.test(path) ? "still" : "video";
    return { path: path || null, kind, label: label > 0 ? label : undefined, provenance };
  } catch {
    return { path: null, kind: "unknown", label: undefined, provenance: null };
  }
}

export async function readSequence(ppro: PremiereModule, seq: PSequence, opts: ReadOptions): Promise<SequenceSnapshot> {
  const [trackCount, audioCount, playhead, inP, outP, endT, size, timebase, selection, markers] = await Promise.all([
    seq.getVideoTrackCount(),
    seq.getAudioTrackCount(),
    seq.getPlayerPosition(),
    seq.getInPoint(),
    seq.getOutPoint(),
    seq.getEndTime(),
    seq.getFrameSize(),
    seq.getTimebase(),
    seq.getSelection(),
    ppro.Markers.getMarkers(seq),
  ]);
  const rate = rateFromTimebase(timebase);
  const clipType = ppro.Constants.TrackItemType.CLIP;
  const tracks: Track[] = [];
  for (let index = 0; index < trackCount; index++) {
    const track = await seq.getVideoTrack(index);
    const name = track.name;
    const items = track.getTrackItems(clipType, false);
    const clips = await Promise.all(items.map((it) => readClip(ppro, it, index, opts)));
    clips.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    tracks.push({ index, name, locked: opts.suspectLocked.has(index), clips });
  }
  const clipIds = new Set(tracks.flatMap((t) => t.clips.map((c) => c.id)));
  const selected = await selectionIds(await selection.getTrackItems(), clipIds);
  const end = ticksOf(endT);
  const inPoint = ticksOf(inP);
  const outPoint = ticksOf(outP);
  // Premiere answers 0 and the sequence end when no in/out is marked
  const noMarks = outPoint <= inPoint || (inPoint === 0n && outPoint >= end);
  const markerList: Marker[] = markers.getMarkers().map((m, i) => ({
    id: `m${i + 1}`,
    name: m.getName(),
    comments: m.getComments(),
    start: ticksOf(m.getStart()),
    duration: ticksOf(m.getDuration()),
    colorIndex: m.getColorIndex(),
  }));
  return validateSnapshot({
    sequenceId: seq.guid.toString(),
    name: seq.name,
    rate,
    frameSize: { width: Math.round(size.width), height: Math.round(size.height) },
    videoTracks: tracks,
    audioTrackCount: audioCount,
    markers: markerList,
    playhead: ticksOf(playhead),
    inPoint: noMarks ? null : inPoint,
    outPoint: noMarks ? null : outPoint,
    selection: selected,
    end,
  });
}

async function selectionIds(items: readonly PVideoClipTrackItem[], known: ReadonlySet<string>): Promise<string[]> {
  const ids = await Promise.all(items.map(async (it) => clipIdAt(await it.getTrackIndex(), ticksOf(await it.getStartTime()))));
  // audio items share indices with video tracks: keep only ids of video clips read above
  return ids.filter((id) => known.has(id));
}

export function noSequence(): HostError {
  return new HostError("no_sequence", "No sequence is open. Open a sequence in the Timeline panel and try again.");
}
