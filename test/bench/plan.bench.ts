/** plan: every picture hole of the synthetic sequence becomes a placement (track choice, duration, trim, names). */
import { targetsFromTrackGaps } from "../../src/core/analysis";
import { planPlacements, type GenerationLimits } from "../../src/core/plan";
import { round, timeMedian } from "./stats";
import { syntheticSequence } from "./synthetic";

const LIMITS: GenerationLimits = {
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9", "9:16"],
  sizes: [
    { width: 1280, height: 720, aspect: "16:9" },
    { width: 720, height: 1280, aspect: "9:16" },
  ],
  fps: 24,
  maxPromptChars: 2000,
};

export async function run(): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  const medians = new Map<number, number>();
  for (const n of [1_000, 10_000, 100_000]) {
    const s = syntheticSequence(n);
    // every gap of the lower four tracks: thousands of targets, each needing a free track above
    const targets = [0, 1, 2, 3].flatMap((t) => targetsFromTrackGaps(s, t, "harbour at dawn"));
    let placements = 0;
    const ms = await timeMedian(n >= 100_000 ? 7 : 15, () => {
      placements = planPlacements(s, targets, LIMITS, { split: true }).placements.length;
    });
    medians.set(n, ms);
    out.push({ bench: "plan", n, median_ms: ms, targets: targets.length, placements });
  }
  out.push({ bench: "plan", n: 100_000, ratio_100k_10k: round(medians.get(100_000)! / medians.get(10_000)!, 2) });
  return out;
}
