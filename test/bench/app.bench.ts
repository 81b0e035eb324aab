/**
 * app: the editor's "fill gaps" end to end on the stand-in with fal.ai on the fake provider.
 * - app.fill20: wall time of filling 20 gaps ÷ the ideal (5 waves of 4 at the provider × latency L)
 * - app.place: per shot, "downloaded" → "on the timeline" (as-they-arrive placement), median
 */
import { createCutaway } from "../../src/app/cutaway";
import { apiKeyName } from "../../src/app/settings";
import { createBackendCatalog } from "../../src/backends/catalog";
import { RATES } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { FalMode } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";
import { median, round } from "./stats";

// 200 s of provider time at 100× (a long Veo render): per-wave loopback costs stay small beside it
const L = 2000;

/** 20 clips of 10 s with 4 s gaps between them (one 4 s shot each) */
function twentyGaps() {
  const clips = Array.from({ length: 21 }, (_, i) => ({ at: i * 336, len: 240, name: `Interview_${i + 1}.mov` }));
  return snapshotBuilder(RATES.fps24, "Twenty gaps").frameSize(1920, 1080).track(clips, { name: "A-roll" }).track([], { name: "B-roll" }).build();
}

async function once(): Promise<{ ratio: number; placeMs: number[] }> {
  const mode = new FalMode(fakeMp4(64 * 1024, 2));
  mode.latencyMs = L;
  const server = await new FakeServer([mode]).start();
  const files = new MemoryFileStore();
  const sim = createPremiereSim(stateFromSnapshot(twentyGaps()), { projectPath: "/projects/Bench/Bench.prproj" });
  const host = new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep });
  const clock = scaledClock(100);
  const secrets = new MemorySecretStore();
  await secrets.set(apiKeyName("fal"), "bench-key");
  const app = createCutaway({ host, files, secrets, settings: new FileSettingsStore(files), clock, backends: createBackendCatalog({ fetch, clock, only: ["fal"], baseUrls: { fal: server.baseUrl } }) });
  await app.start();
  await app.saveSettings({ concurrency: 4, placement: "as-they-arrive", confirmAboveUsd: 1000 });
  const downloadedAt = new Map<string, number>();
  const placeMs: number[] = [];
  app.engine.subscribe((j) => {
    if (j.state === "downloaded" && !downloadedAt.has(j.id)) downloadedAt.set(j.id, performance.now());
    if (j.state === "placed" && downloadedAt.has(j.id)) placeMs.push(performance.now() - downloadedAt.get(j.id)!);
  });
  const t0 = performance.now();
  const { requestId, preview } = await app.run({ kind: "fill-gaps", scope: "all-gaps", prompt: "harbour at dawn", stylePreset: "none", backend: "fal", model: "fal-ai/veo3.1/fast", takes: 1, continuity: false, placement: "as-they-arrive", mode: "generate" }, { confirmed: true });
  if (preview.items.length !== 20) throw new Error(`app bench: planned ${preview.items.length} shots`);
  for (;;) {
    const jobs = app.engine.list().filter((j) => j.requestId === requestId);
    if (jobs.length === 20 && jobs.every((j) => j.state === "placed" || j.state === "failed")) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  await app.idle();
  const wall = performance.now() - t0;
  const failed = app.engine.list().filter((j) => j.state === "failed");
  if (failed.length) throw new Error(`app bench: ${failed.length} shots failed: ${failed[0]!.error?.message}`);
  await app.dispose();
  await server.stop();
  return { ratio: wall / (5 * L), placeMs };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const ratios: number[] = [];
  const place: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await once();
    ratios.push(r.ratio);
    place.push(...r.placeMs);
  }
  return [
    { bench: "app.fill20", n: 20, median_ms: round(median(ratios) * 5 * L), ratio: round(median(ratios)), ideal_ms: 5 * L, concurrency: 4 },
    { bench: "app.place", n: place.length, median_ms: round(median(place)) },
  ];
}
