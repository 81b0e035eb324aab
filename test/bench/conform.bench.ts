/**
 * conform.plan: "conform the whole sequence" on a 4K cut with 500 drafts (slates, storyboard stills,
 * cheap-model shots) among the editor's own clips and some finals — provenance analysis, placements,
 * pins and notes, and the preview with its cost, as the panel asks for it on every change. Target < 50 ms.
 */
import type { ShotRequest } from "../../src/app/api";
import { planConform } from "../../src/app/grow/conform";
import { growPreview, type GrowContext } from "../../src/app/grow/growPlan";
import type { BackendCapabilities, ModelCapabilities } from "../../src/backends/types";
import { RATES } from "../../src/core/time";
import { snapshotBuilder, type ClipSpec, type Provenance } from "../../src/core/timeline";
import { timeMedian } from "./stats";

const model = (id: string, price: number, short: number): ModelCapabilities => ({
  id,
  label: id,
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9"],
  sizes: [{ width: Math.round((short * 16) / 9), height: short, aspect: "16:9" }],
  fps: 24,
  imageToVideo: true,
  lastFrame: true,
  negativePrompt: true,
  seed: true,
  maxPromptChars: 1000,
  pricePerSecondUsd: price,
});

const caps: BackendCapabilities = { backend: "fal", label: "fal", needsKey: true, canListJobs: true, concurrency: 4, requestsPerMinute: 60, models: [model("veo", 0.4, 1080), model("wan-480p", 0.05, 480)] };
const ctx: GrowContext = { capabilities: () => caps, backendIds: () => ["fal"], jobRequest: () => ({ firstFramePath: "/m/.frames/a.png" }), spentUsd: () => 0, budgetUsd: () => null, confirmAboveUsd: () => 5 };

function sequence(drafts: number) {
  const prov = (i: number, over: Partial<Provenance>): Provenance => ({ prompt: `shot ${i}: harbour at dawn, boats unloading`, backend: "slate", model: "slate", jobId: `j${i}`, seed: i, createdAt: "2026-12-01T10:00:00.000Z", slate: true, ...over });
  const base: ClipSpec[] = [];
  const above: ClipSpec[] = [];
  let at = 0;
  for (let i = 0; i < drafts; i++) {
    base.push({ at, len: 48, name: `Interview ${i}.mov` });
    const kind = i % 5;
    const p = kind < 3 ? prov(i, {}) : kind === 3 ? prov(i, { backend: "storyboard", model: "img", slate: false }) : prov(i, { backend: "fal", model: "wan-480p", slate: false });
    above.push({ at: at + 48, len: 72 + (i % 7) * 12, name: `Draft ${i}`, ...(kind < 4 ? { media: `/m/d${i}.png`, kind: "still" as const } : { media: `/m/d${i}.mp4` }), provenance: p });
    at += 48 + 72 + (i % 7) * 12;
    // a final every tenth shot: skipped
    if (i % 10 === 0) above.push({ at: at, len: 24, name: `Final ${i}`, media: `/m/f${i}.mp4`, provenance: prov(i, { backend: "fal", model: "veo", slate: false }) });
    at += 24;
  }
  return snapshotBuilder(RATES.fps23_976).frameSize(3840, 2160).track(base).track(above).track([]).build();
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const s = sequence(500);
  const r: ShotRequest = { kind: "conform", scope: "sequence", backend: "fal", model: "veo", takes: 1, mode: "dry-run" };
  let shots = 0;
  let skipped = 0;
  let notes = 0;
  const ms = await timeMedian(15, () => {
    const g = planConform(ctx, s, r);
    const p = growPreview(ctx, s, r, g);
    shots = p.view.items.length;
    skipped = p.view.skipped.length;
    notes = p.view.items.filter((i) => i.note).length;
  });
  return [{ bench: "conform.plan", n: 500, median_ms: ms, shots, skipped, notes, target_ms: 50 }];
}
