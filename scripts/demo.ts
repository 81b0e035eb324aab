/**
 * Prints what Cutaway sees in the demo sequence — gaps, picture holes, placeholders and the plan it
 * would make for an 8-second-max model — so `npm start` shows the core at work even without a browser.
 */
import { detectPlaceholders, findPictureHoles, findTrackGaps, targetsFromHoles, targetsFromPlaceholders, wholeSequence } from "../src/core/analysis";
import { planPlacements, type GenerationLimits } from "../src/core/plan";
import { rateLabel, ticksToTimecode } from "../src/core/time";
import { demoSequence } from "../src/host/sim/demoSequence";

const limits: GenerationLimits = {
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9", "9:16"],
  sizes: [{ width: 1280, height: 720, aspect: "16:9" }],
  fps: 24,
  maxPromptChars: 500,
};

const s = demoSequence();
const tc = (t: bigint): string => ticksToTimecode(t, s.rate);
const all = wholeSequence(s);
console.log(`${s.name} — ${rateLabel(s.rate)} fps, ${s.frameSize.width}×${s.frameSize.height}, ${s.videoTracks.length} video tracks, ends ${tc(s.end)}`);
for (const t of s.videoTracks) {
  const gaps = findTrackGaps(t, all, s.rate);
  console.log(`  V${t.index + 1} ${t.name}${t.locked ? " (locked)" : ""}: ${t.clips.length} clips, ${gaps.length} gaps ${gaps.map((g) => `[${g.startTimecode}–${g.endTimecode} ${g.frames}f]`).join(" ")}`);
}
const holes = findPictureHoles(s, all);
console.log(`Picture holes: ${holes.map((h) => `${h.startTimecode}–${h.endTimecode} (${h.frames} frames)`).join(", ")}`);
const placeholders = detectPlaceholders(s);
console.log(`Placeholders: ${placeholders.map((p) => `"${p.clip.name}" (${p.detail})`).join(", ")}`);
const plan = planPlacements(s, [...targetsFromHoles(s, "all", "harbour town at dawn"), ...targetsFromPlaceholders(s, placeholders, "harbour town at dawn")], limits);
console.log(`Plan: ${plan.placements.length} shots`);
for (const p of plan.placements) {
  console.log(`  ${p.name} → V${p.trackIndex + 1}${p.newTrack ? " (new)" : ""} ${tc(p.range.start)}–${tc(p.range.end)}, generate ${p.generationSeconds}s${p.replacesClipId ? `, replaces ${p.replacesClipId}` : ""}`);
}
for (const w of plan.warnings) console.log(`  ! ${w.targetId}: ${w.message}`);
