/**
 * The time ruler: timecode labels at the sequence's rate, the in–out range, the playhead's head.
 * Clicking (or dragging) on it moves the playhead, as in Premiere.
 */
import React, { useEffect, useRef, useState } from "react";
import type { FrameRate, Ticks } from "../core/time";
import { rulerTicks } from "./timelineModel";

export const fraction = (t: Ticks, span: Ticks): number => (span > 0n ? Number(t) / Number(span) : 0);
export const pct = (t: Ticks, span: Ticks): string => `${fraction(t, span) * 100}%`;

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setW(el.clientWidth);
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

export function Ruler(p: { span: Ticks; rate: FrameRate; inPoint: Ticks | null; outPoint: Ticks | null; playhead: Ticks; onSeek: (t: Ticks) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const ticks = rulerTicks(p.span, p.rate, width);
  const seek = (e: React.PointerEvent): void => {
    const r = ref.current!.getBoundingClientRect();
    const f = Math.max(0, Math.min(1, (e.clientX - r.left) / Math.max(1, r.width)));
    p.onSeek(BigInt(Math.round(f * Number(p.span))));
  };
  const marked = p.inPoint !== null || p.outPoint !== null;
  const from = p.inPoint ?? 0n;
  const to = p.outPoint ?? p.span;
  return (
    <div
      ref={ref}
      className="wb-ruler"
      data-testid="ruler"
      title="Click or drag to move the playhead"
      onPointerDown={(e) => {
        ref.current?.setPointerCapture?.(e.pointerId);
        seek(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) seek(e);
      }}
    >
      {ticks.map((t) => (
        <div key={t.at.toString()} className="wb-tick" style={{ left: pct(t.at, p.span) }} data-testid="ruler-tick">
          <span>{t.label}</span>
        </div>
      ))}
      {marked ? <div className="wb-inout-bar" data-testid="inout-bar" style={{ left: pct(from, p.span), width: pct(to - from, p.span) }} /> : null}
      <div className="wb-playhead-head" style={{ left: pct(p.playhead, p.span) }} />
    </div>
  );
}
