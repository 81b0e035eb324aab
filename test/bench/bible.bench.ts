/**
 * bible.plan: a 1,500-shot screenplay with 40 characters (and 30 places, each with references)
 * planned as a rough cut on a model that takes references: which entries each shot names, the
 * descriptions in its prompt, the references picked. Target < 100 ms (issue 16).
 * storyboard.plan: the same screenplay as stills on an image model, the plan pricing Animate on a video
 * model beside them (the second step planned and priced too): the live preview's cost per keystroke.
 */
import type { ShotDraft } from "../../src/app/api";
import { attachBible } from "../../src/app/run/bibleShots";
import { animateCost } from "../../src/app/storyboard/animateCost";
import { planRequest } from "../../src/app/run/planRequest";
import { addEntry, addReference, EMPTY_BIBLE, type Bible } from "../../src/bible";
import { falBackendCapabilities } from "../../src/backends/fal/falBackend";
import { FAL_MODELS } from "../../src/backends/fal";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { median, round, timeMedian } from "./stats";

/** CPU time (user + system) of one call, median of `runs`: on this shared machine wall time also counts other helpers' work */
function cpuMedian(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  return round(median(times));
}

const CHARACTERS = 40;
const PLACES = 30;
const SHOTS = 1_500;

function bibleOf(): Bible {
  let b = EMPTY_BIBLE;
  const add = (kind: "character" | "place", name: string, refs: number) => {
    const r = addEntry(b, { kind, name, description: `${name}, described the same way in every shot, with a few distinguishing details` });
    b = r.bible;
    for (let i = 1; i <= refs; i++) b = addReference(b, r.entry.id, { path: `/projects/Film/Cutaway Media/Bible/${r.entry.id.replace(/\W/g, "_")}-${i}.png`, origin: "timeline", addedAt: "2026-12-02T00:00:00Z" });
  };
  for (let i = 0; i < CHARACTERS; i++) add("character", `Character ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ""}`, 2);
  for (let i = 0; i < PLACES; i++) add("place", `Location ${i + 1}`, 1);
  return addEntry(b, { kind: "look", name: "Night look", description: "sodium streetlight, wet asphalt", always: true }).bible;
}

function shotsOf(b: Bible): ShotDraft[] {
  const chars = b.entries.filter((e) => e.kind === "character").map((e) => e.name);
  const places = b.entries.filter((e) => e.kind === "place").map((e) => e.name);
  return Array.from({ length: SHOTS }, (_x, i) => {
    const who = [chars[i % CHARACTERS]!, chars[(i * 7 + 3) % CHARACTERS]!];
    const text = `${who[0]} crosses the room towards ${who[1]} and stops at the window as the rain starts`;
    return { id: `s${i + 1}`, number: i + 1, text, prompt: text, negativePrompt: "", durationSeconds: 3, characters: who, location: places[Math.floor(i / 12) % PLACES]! };
  });
}

/** for profiling: the inputs of one figure */
export function setup() {
  const bible = bibleOf();
  return { bible, shots: shotsOf(bible) };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const bible = bibleOf();
  const shots = shotsOf(bible);
  const caps = falBackendCapabilities(FAL_MODELS);
  const snapshot = demoSequence();
  const request = { kind: "script-to-cut", scope: "script", shots, destination: "playhead", stylePreset: "none", backend: "fal", model: "fal-ai/kling-video/o3/standard/reference-to-video", takes: 1, continuity: false, placement: "all-at-once", mode: "generate" } as const;
  const input = { snapshot, request, capabilities: caps, rules: { patterns: [] }, spentUsd: 0, budgetUsd: null, confirmAboveUsd: 1e9 } as unknown as Parameters<typeof planRequest>[0];
  let refs = 0;
  const withBible = await timeMedian(9, () => {
    // a fresh copy each run: the index cache must not make the figure
    const p = planRequest({ ...input, bible: { ...bible } });
    refs = [...p.bible.values()].reduce((n, x) => n + x.references.length, 0);
    // steady state, as the panel's live preview re-plans on every keystroke: a few warm-up runs first
  }, 3);
  const without = await timeMedian(9, () => planRequest({ ...input, bible: null }));
  const cpu = cpuMedian(9, () => planRequest({ ...input, bible: { ...bible } }));
  const cpuWithout = cpuMedian(9, () => planRequest({ ...input, bible: null }));
  const plain = planRequest({ ...input, bible: null });
  const model = caps.models.find((m) => m.id === request.model)!;
  const attachOnly = await timeMedian(9, () => attachBible(plain.plan.placements, request, model, { ...bible }));
  const board = { ...input, request: { ...request, model: "fal-ai/nano-banana-2", animateModel: request.model } };
  const storyboard = cpuMedian(9, () => planRequest({ ...board, bible: { ...bible } }));
  const stills = planRequest({ ...board, bible: { ...bible } });
  const priced = stills.preview.animate!;
  const animateOnly = cpuMedian(9, () => animateCost(snapshot, stills.plan.placements, caps, board.request, { ...bible }, stills.preview.estimate.usd));
  return [
    { bench: "storyboard.plan", n: SHOTS, cpu_ms: storyboard, animate_pricing_cpu_ms: animateOnly, stills_usd: stills.preview.estimate.usd, animate_usd: priced.usd, animate_shots: priced.shots },
    { bench: "bible.plan", n: SHOTS, characters: CHARACTERS, places: PLACES, median_ms: withBible, cpu_ms: cpu, cpu_without_bible_ms: cpuWithout, without_bible_ms: without, attach_ms: attachOnly, references: refs, target_ms: 100 },
  ];
}
