/**
 * Starting a request: (a new sequence for a rough cut), continuity stills where the model takes
 * them, the request record, then one journaled job per shot and take.
 */
import type { Placement } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import { framesToTicks } from "../../core/time";
import type { JobEngine, JobSpec } from "../../jobs/engine";
import type { GenerateRequest } from "../api";
import { messageOf } from "../notices";
import { shotCostUsd } from "../estimate";
import type { Clock, EditorHost, FileStore } from "../ports";
import type { RequestLog } from "../requestLog";
import type { PlannedRequest } from "./planRequest";

export interface StartContext {
  readonly host: EditorHost;
  readonly engine: JobEngine;
  readonly log: RequestLog;
  readonly files: FileStore;
  readonly clock: Clock;
  readonly mediaFolder: () => Promise<string>;
  readonly refreshSnapshot: () => Promise<SequenceSnapshot>;
  readonly plan: (s: SequenceSnapshot) => PlannedRequest;
  readonly say?: (level: "info" | "warning" | "error", message: string) => void;
}

let counter = 0;

/** what the shot takes from the bible, as the journal keeps it (paths, not bytes) */
function bibleOf(p: PlannedRequest, placementId: string): { references?: { path: string; kind: "character" | "place" | "look"; name: string }[]; bibleEntries?: string[] } {
  const b = p.bible.get(placementId);
  if (!b) return {};
  return {
    ...(b.references.length ? { references: b.references.map((x) => ({ path: x.path, kind: x.kind, name: x.name })) } : {}),
    ...(b.entries.length ? { bibleEntries: [...b.entries] } : {}),
  };
}

function label(r: GenerateRequest, n: number): string {
  const shots = `${n} shot${n === 1 ? "" : "s"}`;
  switch (r.kind) {
    case "fill-gaps":
      return `Fill ${n} gap${n === 1 ? "" : "s"}`;
    case "broll":
      return `B-roll, ${shots}`;
    case "replace-placeholders":
      return `Replace ${n} placeholder${n === 1 ? "" : "s"}`;
    case "script-to-cut":
      return `Rough cut, ${shots}`;
  }
}

async function continuityFrames(ctx: StartContext, s: SequenceSnapshot, p: Placement, requestId: string, lastFrame: boolean): Promise<{ firstFramePath?: string; lastFramePath?: string }> {
  const dir = ctx.files.join(await ctx.mediaFolder(), ".frames");
  await ctx.files.mkdirp(dir);
  const frame = framesToTicks(1, s.rate);
  const out: { firstFramePath?: string; lastFramePath?: string } = {};
  const size = p.size;
  if (p.range.start >= frame) out.firstFramePath = await ctx.host.exportFrame(p.range.start - frame, ctx.files.join(dir, `${requestId}-${p.id.replace(/[^\w-]/g, "_")}-first.png`), size);
  if (lastFrame && p.range.end < s.end) out.lastFramePath = await ctx.host.exportFrame(p.range.end, ctx.files.join(dir, `${requestId}-${p.id.replace(/[^\w-]/g, "_")}-last.png`), size);
  return out;
}

export async function startRequest(ctx: StartContext, r: GenerateRequest, snapshot: SequenceSnapshot, planned: PlannedRequest, placementMode: "as-they-arrive" | "all-at-once"): Promise<string> {
  let s = snapshot;
  let p = planned;
  if (r.kind === "script-to-cut" && r.destination === "new-sequence") {
    await ctx.host.createSequence(r.sequenceName?.trim() || "Cutaway rough cut");
    s = await ctx.refreshSnapshot();
    p = ctx.plan(s);
  }
  const requestId = `r${ctx.clock.now().toString(36)}${(++counter).toString(36)}`;
  const takes = r.mode === "draft" ? 1 : Math.max(1, Math.min(8, Math.floor(r.takes) || 1));
  const specs: JobSpec[] = [];
  const jobs: { placementId: string; take: number; jobId: string }[] = [];
  for (const placement of p.plan.placements) {
    let frames: { firstFramePath?: string; lastFramePath?: string } = {};
    if (r.animate && p.model.imageToVideo && r.mode === "generate") {
      // Animate: the approved still this shot replaces is its first frame, pinned
      const still = stillOf(s, placement);
      if (still) frames = { firstFramePath: still };
    } else if (r.continuity && p.model.imageToVideo && r.mode === "generate") {
      frames = await continuityFrames(ctx, s, placement, requestId, p.model.lastFrame).catch((e: unknown) => {
        ctx.say?.("warning", `${messageOf(e)}`);
        return {};
      });
    }
    for (let take = 1; take <= takes; take++) {
      const id = `${requestId}-${placement.id.replace(/[^\w-]/g, "_")}-t${take}`;
      jobs.push({ placementId: placement.id, take, jobId: id });
      specs.push({
        id,
        requestId,
        shotId: placement.id,
        take,
        name: placement.name,
        backend: r.backend,
        request: {
          model: p.model.id,
          prompt: placement.prompt,
          ...(placement.negativePrompt ? { negativePrompt: placement.negativePrompt } : {}),
          durationSeconds: placement.generationSeconds,
          aspect: placement.aspect,
          size: placement.size,
          fps: { num: s.rate.num, den: s.rate.den },
          ...(p.model.seed ? { seed: 1000 + placement.shotNumber * 17 + take } : {}),
          shotNumber: placement.shotNumber,
          timecode: p.preview.items.find((i) => i.shotNumber === placement.shotNumber)?.startTimecode ?? "",
          ...frames,
          ...bibleOf(p, placement.id),
          ...(r.audio && p.model.audio ? { audio: true } : {}),
          ...(p.model.still ? { still: true } : {}),
        },
        estimateUsd: Math.round(shotCostUsd(p.model, placement.generationSeconds) * 100) / 100,
      });
    }
  }
  await ctx.log.put({
    id: requestId,
    label: label(r, p.plan.placements.length),
    kind: r.kind,
    mode: r.mode,
    createdAt: new Date(ctx.clock.now()).toISOString(),
    sequenceId: s.sequenceId,
    backend: r.backend,
    model: p.model.id,
    takes,
    placementMode,
    placements: [...p.plan.placements],
    jobs,
    placed: {},
    activeTake: {},
    refused: {},
  });
  await ctx.engine.enqueue(specs);
  return requestId;
}

/** the media of the Cutaway still (a storyboard frame) a placement replaces, if it is one */
function stillOf(s: SequenceSnapshot, p: Placement): string | null {
  if (!p.replacesClipId) return null;
  const clip = s.videoTracks.flatMap((t) => t.clips).find((c) => c.id === p.replacesClipId);
  return clip?.provenance && clip.mediaPath && /\.(png|jpe?g)$/i.test(clip.mediaPath) ? clip.mediaPath : null;
}
