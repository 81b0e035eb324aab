/**
 * host: snapshot + apply of 100 placements through the real adapter on the stand-in, and the host
 * calls the apply makes per placement (must stay flat as the sequence grows).
 */
import { targetsFromTrackGaps } from "../../src/core/analysis";
import { planPlacements } from "../../src/core/plan";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { CUTAWAY_BIN } from "../../src/app/run/placer";
import type { ResolvedPlacement } from "../../src/app/ports";
import { LIMITS } from "../host/helpers";
import { median, round } from "./stats";
import { syntheticSequence } from "./synthetic";

async function once(n: number): Promise<{ snapshotMs: number; applyMs: number; callsPerPlacement: number; placed: number }> {
  const seq = syntheticSequence(n);
  const sim = createPremiereSim(stateFromSnapshot(seq));
  const host = new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep });
  const t0 = performance.now();
  const snap = await host.snapshot();
  const t1 = performance.now();
  // 100 gaps of the bottom track; the top track (V8) is the one they land on or a new one
  const plan = planPlacements(snap, targetsFromTrackGaps(snap, 0, "harbour").slice(0, 100), LIMITS);
  const items: ResolvedPlacement[] = plan.placements.map((p) => ({
    ...p,
    mediaPath: `/media/gen/${p.id}.mp4`,
    provenance: { prompt: p.prompt, backend: "slate", model: "slate", jobId: p.id, createdAt: "2026-11-25T00:00:00Z", slate: true },
  }));
  await host.importMedia(items.map((i) => i.mediaPath), CUTAWAY_BIN);
  const callsBefore = sim.core.calls;
  const t2 = performance.now();
  const r = await host.applyPlacements(items, "Cutaway: bench");
  const t3 = performance.now();
  return { snapshotMs: t1 - t0, applyMs: t3 - t2, callsPerPlacement: (sim.core.calls - callsBefore) / Math.max(1, r.applied.length), placed: r.applied.length };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (const n of [1_000, 10_000]) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await once(n));
    out.push({
      bench: "host",
      n,
      median_ms: round(median(runs.map((r) => r.snapshotMs + r.applyMs))),
      snapshot_ms: round(median(runs.map((r) => r.snapshotMs))),
      apply_ms: round(median(runs.map((r) => r.applyMs))),
      placements: runs[0]!.placed,
      host_calls_per_placement: round(runs[0]!.callsPerPlacement, 1),
    });
  }
  return out;
}
