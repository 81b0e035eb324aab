/**
 * The workbench's window onto the in-memory Premiere: tracks top to bottom (V1 lowest), clips coloured
 * by origin (the editor's, generated, slates, disabled), picture holes in red on the ruler, the
 * playhead, and the undo stack with Undo/Redo — so every edit Cutaway makes can be seen and undone.
 */
import React, { useEffect, useState } from "react";
import { findPictureHoles, wholeSequence } from "../core/analysis";
import { rateFromTimebase, ticksToTimecode } from "../core/time";
import type { SimCore } from "../host/sim/simCore";
import type { SimClip, SimItem, SimSequence } from "../host/sim/simModel";
import { readProvenance } from "../host/premiere/provenance";

type Origin = "editor" | "generated" | "slate";

function originOf(item: SimItem | undefined): Origin {
  if (!item?.metadata.CutawayProvenance) return "editor";
  const xml = `<premierePrivateProjectMetaData:CutawayProvenance>${item.metadata.CutawayProvenance}</premierePrivateProjectMetaData:CutawayProvenance>`;
  return readProvenance(xml)?.slate ? "slate" : "generated";
}

const COLOURS: Record<Origin, string> = { editor: "#4a6fa5", generated: "#3fa56b", slate: "#c9923a" };

function useSim(core: SimCore): number {
  const [v, setV] = useState(core.changeVersion);
  useEffect(() => core.onChange(() => setV(core.changeVersion)), [core]);
  return v;
}

function Clip(p: { clip: SimClip; item: SimItem | undefined; end: bigint; track: number; seq: SimSequence }) {
  const { clip } = p;
  const left = (Number(clip.start) / Number(p.end)) * 100;
  const width = (Number(clip.end - clip.start) / Number(p.end)) * 100;
  const origin = originOf(p.item);
  const rate = rateFromTimebase(p.seq.ticksPerFrame.toString());
  return (
    <div
      className="wb-clip"
      data-testid="clip"
      data-origin={origin}
      data-disabled={clip.disabled ? "true" : "false"}
      data-track={p.track + 1}
      data-start={clip.start.toString()}
      data-end={clip.end.toString()}
      title={`${clip.name}\n${ticksToTimecode(clip.start, rate)} – ${ticksToTimecode(clip.end, rate)}${clip.disabled ? "\n(disabled)" : ""}`}
      style={{ left: `${left}%`, width: `${Math.max(width, 0.15)}%`, background: COLOURS[origin], opacity: clip.disabled ? 0.35 : 1 }}
    >
      {clip.name}
    </div>
  );
}

export function TimelineView(p: { core: SimCore }) {
  useSim(p.core);
  const state = p.core.state;
  const seq = state.sequences.find((s) => s.guid === state.activeGuid);
  if (!seq) return <div className="wb-timeline">No sequence open.</div>;
  const items = new Map(state.items.map((i) => [i.id, i]));
  let end = 1n;
  for (const t of seq.tracks) for (const c of t.clips) if (c.end > end) end = c.end;
  const rate = rateFromTimebase(seq.ticksPerFrame.toString());
  const holes = (() => {
    const snap = { sequenceId: seq.guid, name: seq.name, rate, frameSize: { width: seq.width, height: seq.height }, audioTrackCount: 0, markers: [], playhead: 0n, inPoint: null, outPoint: null, selection: [], end, videoTracks: seq.tracks.map((t, index) => ({ index, name: t.name, locked: t.locked, clips: t.clips.map((c) => ({ id: String(c.uid), trackIndex: index, start: c.start, end: c.end, inPoint: c.inPoint, outPoint: c.outPoint, name: c.name, mediaPath: null, mediaKind: "video" as const, enabled: !c.disabled })) })) };
    return findPictureHoles(snap, wholeSequence(snap));
  })();
  const pct = (t: bigint): string => `${(Number(t) / Number(end)) * 100}%`;
  const bin = state.items.find((i) => i.kind === "bin" && i.name === "Cutaway");
  const binCount = bin ? state.items.filter((i) => i.parentId === bin.id).length : 0;
  return (
    <div className="wb-timeline" data-testid="timeline">
      <div className="wb-title">
        <b>{seq.name}</b> · {seq.width}×{seq.height} · {ticksToTimecode(end, rate)} · Cutaway bin: <span data-testid="bin-count">{binCount}</span> items
      </div>
      <div className="wb-ruler" data-testid="holes" data-count={holes.length}>
        {holes.map((h) => (
          <div key={h.range.start.toString()} className="wb-hole" style={{ left: pct(h.range.start), width: pct(h.range.end - h.range.start) }} title={`hole ${h.startTimecode}–${h.endTimecode} (${h.frames} frames)`} />
        ))}
      </div>
      <div className="wb-tracks">
        {[...seq.tracks].map((t, i) => ({ t, i })).reverse().map(({ t, i }) => (
          <div key={i} className="wb-track" data-testid={`track-V${i + 1}`}>
            <div className="wb-track-name">
              V{i + 1} {t.locked ? <span className="wb-locked">locked</span> : null}
            </div>
            <div className="wb-lane">
              {t.clips.map((c) => (
                <Clip key={c.uid} clip={c} item={items.get(c.itemId)} end={end} track={i} seq={seq} />
              ))}
              <div className="wb-playhead" style={{ left: pct(seq.playhead) }} />
            </div>
          </div>
        ))}
      </div>
      <div className="wb-legend">
        {(Object.keys(COLOURS) as Origin[]).map((o) => (
          <span key={o}>
            <i style={{ background: COLOURS[o] }} /> {o}
          </span>
        ))}
        <span className="wb-hole-key">picture hole</span>
      </div>
      <div className="wb-undo">
        <button data-testid="undo" disabled={!p.core.undoStack.length} onClick={() => p.core.undo()}>
          Undo {p.core.undoStack.at(-1)?.name ?? ""}
        </button>
        <button data-testid="redo" disabled={!p.core.redoStack.length} onClick={() => p.core.redo()}>
          Redo
        </button>
        <ol className="wb-history" data-testid="undo-stack">
          {p.core.undoStack.slice(-12).map((u, i) => (
            <li key={i}>{u.name}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}
