/** Deterministic synthetic sequences for the benches: n clips spread over 8 video tracks, with gaps and placeholders. */
import { RATES } from "../../src/core/time";
import { snapshotBuilder, type ClipSpec, type SequenceSnapshot } from "../../src/core/timeline";

export const TRACKS = 8;

/** A small LCG so every run builds the same sequence. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticSequence(clips: number, seed = 7): SequenceSnapshot {
  const r = rng(seed);
  const b = snapshotBuilder(RATES.fps23_976, `synthetic ${clips}`);
  const perTrack = Math.ceil(clips / TRACKS);
  let left = clips;
  for (let t = 0; t < TRACKS; t++) {
    const specs: ClipSpec[] = [];
    let at = Math.floor(r() * 48);
    for (let i = 0; i < perTrack && left > 0; i++, left--) {
      const len = 12 + Math.floor(r() * 120);
      const name = r() < 0.02 ? `SHOT ${i}` : r() < 0.01 ? "PLACEHOLDER" : `A${t}_${i}.mov`;
      specs.push({ at, len, name, media: `/media/${name}` });
      // one in four clips is followed by a hole of up to 3 s
      at += len + (r() < 0.25 ? 1 + Math.floor(r() * 72) : 0);
    }
    b.track(specs);
  }
  return b.build();
}
