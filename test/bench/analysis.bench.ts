/** analysis: gaps per track + picture holes + placeholders over the whole sequence. Target: < 20 ms at 10k clips, 100k/10k < 12. */
import { detectPlaceholders, findPictureHoles, findTrackGaps, wholeSequence } from "../../src/core/analysis";
import { round, timeMedian } from "./stats";
import { syntheticSequence } from "./synthetic";

export async function run(): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  const medians = new Map<number, number>();
  for (const n of [1_000, 10_000, 100_000]) {
    const s = syntheticSequence(n);
    const all = wholeSequence(s);
    let found = 0;
    const ms = await timeMedian(n >= 100_000 ? 7 : 15, () => {
      let k = 0;
      for (const t of s.videoTracks) k += findTrackGaps(t, all, s.rate).length;
      k += findPictureHoles(s, all).length;
      k += detectPlaceholders(s).length;
      found = k;
    });
    medians.set(n, ms);
    out.push({ bench: "analysis", n, median_ms: ms, found });
  }
  out.push({ bench: "analysis", n: 100_000, ratio_100k_10k: round(medians.get(100_000)! / medians.get(10_000)!, 2) });
  return out;
}
