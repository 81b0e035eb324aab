/**
 * Marker notes as a script: each marker (its name and comments) becomes a timed cue, so "use the
 * markers" goes through the same breakdown as a transcript and its shots land under the markers.
 */
import { ticksToSeconds } from "../core/time";
import type { SequenceSnapshot } from "../core/timeline";

/** SRT text, one cue per marker with words in it, in time order; markers without a length get `defaultSeconds`. */
export function markersAsSrt(s: SequenceSnapshot, o: { colorIndex?: number; defaultSeconds?: number } = {}): string {
  const cues = s.markers
    .filter((m) => o.colorIndex === undefined || m.colorIndex === o.colorIndex)
    .map((m) => ({ m, text: [m.name, m.comments].map((x) => x.replace(/\s+/g, " ").trim()).filter(Boolean).join(": ") }))
    .filter((c) => c.text)
    .sort((a, b) => (a.m.start < b.m.start ? -1 : a.m.start > b.m.start ? 1 : 0));
  return cues
    .map(({ m, text }, i) => {
      const start = ticksToSeconds(m.start);
      const end = m.duration > 0n ? ticksToSeconds(m.start + m.duration) : start + (o.defaultSeconds ?? 3);
      return `${i + 1}\n${srtTime(start)} --> ${srtTime(end)}\n${text}\n`;
    })
    .join("\n");
}

function srtTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const sec = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(sec)},${pad(ms % 1000, 3)}`;
}
