/**
 * The workbench's window onto the in-memory Premiere, read as an editor reads a timeline: a ruler in
 * the sequence's timecode, named tracks (V1 lowest, then A1…), clips coloured by origin, picture holes
 * in red and dashed ghosts where Cutaway filled one, the in–out range and the playhead, a card per clip
 * saying what made it, and the undo stack. The editor clicks clips to select them (shift for more),
 * clicks the ruler to move the playhead and marks in/out (buttons or I/O), so every flow of the panel
 * can be tried without the console. Narrow windows scroll the timeline sideways instead of squeezing it.
 */
import React, { useEffect, useState } from "react";
import { ticksToTimecode } from "../core/time";
import type { SimCore } from "../host/sim/simCore";
import { Button } from "../panel/widgets/widgets";
import { clearInOut, clearSelection, clickClip, markIn, markOut, movePlayhead } from "./editorGestures";
import { HoverCard, type Hover } from "./HoverCard";
import { fraction, pct, Ruler } from "./Ruler";
import { activeSequence, contentEnd, formerHoles, originOf, pictureHoles, provenanceOf, sequenceRate, viewSpan, type Origin } from "./timelineModel";

const COLOURS: Record<Origin, string> = { editor: "#4a6fa5", generated: "#3fa56b", slate: "#c9923a" };

function useSim(core: SimCore): number {
  const [v, setV] = useState(core.changeVersion);
  useEffect(() => core.onChange(() => setV(core.changeVersion)), [core]);
  return v;
}

/** I and O mark in and out at the playhead, unless the editor is typing in a field. */
function useMarkKeys(core: SimCore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey || (t && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable))) return;
      if (e.key === "i" || e.key === "I") markIn(core);
      else if (e.key === "o" || e.key === "O") markOut(core);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [core]);
}

/** A position in the lanes area, which starts after the track heads (--wb-head wide). */
const overlayLeft = (f: number): string => `calc(var(--wb-head) + (100% - var(--wb-head)) * ${f})`;
const overlayWidth = (f: number): string => `calc((100% - var(--wb-head)) * ${f})`;

export function TimelineView(p: { core: SimCore }) {
  useSim(p.core);
  useMarkKeys(p.core);
  const [hover, setHover] = useState<Hover | null>(null);
  const state = p.core.state;
  const seq = activeSequence(state);
  if (!seq) return <div className="wb-timeline">No sequence open.</div>;
  const items = new Map(state.items.map((i) => [i.id, i]));
  const rate = sequenceRate(seq);
  const span = viewSpan(seq);
  const holes = pictureHoles(seq);
  const ghosts = formerHoles(seq, items);
  const selected = new Set(seq.selection);
  const bin = state.items.find((i) => i.kind === "bin" && i.name === "Cutaway");
  const binCount = bin ? state.items.filter((i) => i.parentId === bin.id).length : 0;
  const tc = (t: bigint | null): string => (t === null ? "—" : ticksToTimecode(t, rate));
  const inOut = seq.inPoint !== null || seq.outPoint !== null ? { from: seq.inPoint ?? 0n, to: seq.outPoint ?? contentEnd(seq) } : null;
  const tracks = seq.tracks.map((t, i) => ({ t, i })).reverse();
  return (
    <div className="wb-timeline" data-testid="timeline">
      <div className="wb-title">
        <b>{seq.name}</b> · {seq.width}×{seq.height} · {ticksToTimecode(contentEnd(seq), rate)} · Cutaway bin: <span data-testid="bin-count">{binCount}</span> items
      </div>
      <div className="wb-controls">
        <span className="wb-tc" data-testid="wb-playhead">
          {tc(seq.playhead)}
        </span>
        <Button testId="mark-in" title="Mark in at the playhead (I)" onClick={() => markIn(p.core)}>
          Mark in
        </Button>
        <Button testId="mark-out" title="Mark out at the playhead (O)" onClick={() => markOut(p.core)}>
          Mark out
        </Button>
        <Button quiet testId="clear-inout" disabled={!inOut} onClick={() => clearInOut(p.core)}>
          Clear in/out
        </Button>
        <span className="wb-hint" data-testid="wb-inout">
          In {tc(seq.inPoint)} · Out {tc(seq.outPoint)} · {seq.selection.length} selected
        </span>
      </div>
      <div className="wb-scroll" data-testid="timeline-scroll">
        <div className="wb-canvas">
          <div className="wb-row wb-ruler-row">
            <div className="wb-head">Timecode</div>
            <Ruler span={span} rate={rate} inPoint={seq.inPoint} outPoint={seq.outPoint} playhead={seq.playhead} onSeek={(t) => movePlayhead(p.core, t)} />
          </div>
          <div className="wb-row wb-holes-row">
            <div className="wb-head">Holes</div>
            <div className="wb-holes" data-testid="holes" data-count={holes.length}>
              {ghosts.map((g) => (
                <div key={`g${g.start}`} className="wb-ghost" data-testid="ghost" style={{ left: pct(g.start, span), width: pct(g.end - g.start, span) }} title={`filled by Cutaway: ${tc(g.start)}–${tc(g.end)}`} />
              ))}
              {holes.map((h) => (
                <div key={h.range.start.toString()} className="wb-hole" style={{ left: pct(h.range.start, span), width: pct(h.range.end - h.range.start, span) }} title={`hole ${h.startTimecode}–${h.endTimecode} (${h.frames} frames)`} />
              ))}
            </div>
          </div>
          {tracks.map(({ t, i }) => (
            <div key={`v${i}`} className="wb-row wb-track" data-testid={`track-V${i + 1}`}>
              <div className="wb-head" data-testid="track-name" title={t.name}>
                <b>V{i + 1}</b> <span className="wb-track-label">{t.name}</span> {t.locked ? <span className="wb-locked">locked</span> : null}
              </div>
              <div className="wb-lane" onClick={(e) => e.target === e.currentTarget && clearSelection(p.core)}>
                {i === 0 ? ghosts.map((g) => <div key={`lg${g.start}`} className="wb-lane-ghost" style={{ left: pct(g.start, span), width: pct(g.end - g.start, span) }} />) : null}
                {t.clips.map((c) => {
                  const provenance = provenanceOf(items.get(c.itemId));
                  const origin = originOf(provenance);
                  const show = (e: React.MouseEvent): void => setHover({ clip: c, trackLabel: `V${i + 1}`, provenance, x: e.clientX, y: e.clientY });
                  return (
                    <div
                      key={c.uid}
                      className={`wb-clip${selected.has(c.uid) ? " wb-selected" : ""}`}
                      data-testid="clip"
                      data-uid={c.uid}
                      data-origin={origin}
                      data-selected={selected.has(c.uid) ? "true" : "false"}
                      data-disabled={c.disabled ? "true" : "false"}
                      data-track={i + 1}
                      data-start={c.start.toString()}
                      data-end={c.end.toString()}
                      style={{ left: pct(c.start, span), width: `max(2px, ${pct(c.end - c.start, span)})`, background: COLOURS[origin], opacity: c.disabled ? 0.35 : 1 }}
                      onClick={(e) => clickClip(p.core, c.uid, e.shiftKey)}
                      onMouseEnter={show}
                      onMouseMove={show}
                      onMouseLeave={() => setHover(null)}
                    >
                      {c.name}
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
          {Array.from({ length: seq.audioTrackCount }, (_, a) => (
            <div key={`a${a}`} className="wb-row wb-track wb-audio" data-testid={`track-A${a + 1}`}>
              <div className="wb-head" data-testid="track-name">
                <b>A{a + 1}</b> <span className="wb-track-label">Audio {a + 1}</span>
              </div>
              <div className="wb-lane" />
            </div>
          ))}
          {inOut ? <div className="wb-inout-shade" style={{ left: overlayLeft(fraction(inOut.from, span)), width: overlayWidth(fraction(inOut.to - inOut.from, span)) }} /> : null}
          <div className="wb-playhead" data-testid="playhead-line" style={{ left: overlayLeft(fraction(seq.playhead, span)) }} />
        </div>
      </div>
      <div className="wb-legend">
        {(Object.keys(COLOURS) as Origin[]).map((o) => (
          <span key={o}>
            <i style={{ background: COLOURS[o] }} /> {o}
          </span>
        ))}
        <span className="wb-hole-key">picture hole</span>
        <span className="wb-ghost-key">hole Cutaway filled</span>
        <span className="wb-hint">Click a clip to select it, shift-click for more; click the ruler to move the playhead; I/O mark in and out.</span>
      </div>
      <div className="wb-undo">
        <Button testId="undo" disabled={!p.core.undoStack.length} onClick={() => p.core.undo()}>
          {`Undo ${p.core.undoStack.at(-1)?.name ?? ""}`}
        </Button>
        <Button testId="redo" disabled={!p.core.redoStack.length} onClick={() => p.core.redo()}>
          Redo
        </Button>
        <ol className="wb-history" data-testid="undo-stack">
          {p.core.undoStack.slice(-12).map((u, i) => (
            <li key={i}>{u.name}</li>
          ))}
        </ol>
      </div>
      {/* an undo can take the clip away under the pointer: no card for a clip that is gone */}
      {hover && seq.tracks.some((t) => t.clips.some((c) => c.uid === hover.clip.uid)) ? <HoverCard hover={hover} rate={rate} /> : null}
    </div>
  );
}
