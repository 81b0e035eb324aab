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
console.log(`Plan for an 8-second-max model, gaps and placeholders together: ${plan.placements.length} shots (holes longer than 8 s are split into several)`);
for (const p of plan.placements) {
  console.log(`  ${p.name} → V${p.trackIndex + 1}${p.newTrack ? " (new)" : ""} ${tc(p.range.start)}–${tc(p.range.end)}, generate ${p.generationSeconds}s${p.replacesClipId ? `, replaces ${p.replacesClipId}` : ""}`);
}
for (const w of plan.warnings) console.log(`  ! ${w.targetId}: ${w.message}`);

// The whole product headless: the real app and Premiere adapter on the in-memory stand-in, slates as
// the backend. Fills every gap in one undo step and prints the tracks before and after.
import { createCutaway } from "../src/app/cutaway";
import { createBackendCatalog } from "../src/backends/catalog";
import { FileSettingsStore } from "../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../src/host/memory/memorySecretStore";
import { systemClock } from "../src/host/memory/systemClock";
import { PremiereEditorHost } from "../src/host/premiere/premiereEditorHost";
import { createPremiereSim } from "../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../src/host/sim/seed";
import type { SequenceSnapshot } from "../src/core/timeline";

function tracks(seq: SequenceSnapshot): string {
  return seq.videoTracks
    .map((t) => `  V${t.index + 1} ${t.name.padEnd(10)} ${t.clips.map((c) => `[${ticksToTimecode(c.start, seq.rate)} ${c.name.slice(0, 24)}${c.enabled === false ? " (off)" : ""}]`).join(" ")}`)
    .join("\n");
}

async function fillWithSlates(): Promise<void> {
  const files = new MemoryFileStore();
  const sim = createPremiereSim(stateFromSnapshot(demoSequence()), { projectPath: "/projects/Harbour Story/Harbour Story.prproj" });
  const host = new PremiereEditorHost(sim.module);
  const app = createCutaway({ host, files, secrets: new MemorySecretStore(), settings: new FileSettingsStore(files), clock: systemClock, backends: createBackendCatalog({ fetch, clock: systemClock, only: ["slate"] }) });
  await app.start();
  const before = await host.snapshot();
  console.log(`\nNow the app itself fills only the gaps (placeholders stay for later) with slates, the offline backend: a slate can be any length, so each gap is one shot.\nBefore:\n${tracks(before)}`);
  const t0 = performance.now();
  const { requestId, preview } = await app.run({ kind: "fill-gaps", scope: "all-gaps", prompt: "harbour town at dawn", stylePreset: "documentary handheld", backend: "slate", model: "slate", takes: 1, continuity: false, placement: "all-at-once", mode: "generate" }, { confirmed: true });
  for (let i = 0; i < 600; i++) {
    const jobs = app.engine.list().filter((j) => j.requestId === requestId);
    if (jobs.length && jobs.every((j) => j.state === "placed" || j.state === "failed")) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await app.idle();
  const after = await host.snapshot();
  console.log(`After (${preview.estimate.shots} shots — one per gap, as slates need no splitting — ${Math.round(performance.now() - t0)} ms):\n${tracks(after)}`);
  for (const n of app.getState().notices) console.log(`  ${n.level}: ${n.message}`);
  await app.dispose();
}

void fillWithSlates().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
