/**
 * Downloaded takes find their way to the timeline: take 1 of each shot is placed (as it arrives, or
 * the whole request at once, as the editor chose), other takes go to the bin; placement runs one at
 * a time so host transactions never interleave, and is safe to repeat after a reload.
 */
import type { JobEngine } from "../../jobs/engine";
import type { JobRecord } from "../../jobs/jobRecord";
import { messageOf } from "../notices";
import type { EditorHost } from "../ports";
import type { RequestLog, RequestRecord } from "../requestLog";
import { placeTakes, resolve, undoNameFor, CUTAWAY_BIN, type ReadyTake } from "./placer";

export interface ArrivalsContext {
  readonly host: EditorHost;
  readonly engine: JobEngine;
  readonly requests: () => RequestLog;
  readonly say: (level: "info" | "warning" | "error", message: string) => void;
  readonly onPlaced: () => void;
  readonly refresh: () => Promise<void>;
  /** a short wait before placing, so shots that finish together land together (one prep, one edit step) */
  readonly gather?: () => Promise<void>;
}

const SETTLED = new Set(["downloaded", "placed", "failed"]);

export function provenanceOf(j: JobRecord) {
  return {
    prompt: j.request.prompt,
    backend: j.backend,
    model: j.request.model,
    jobId: j.id,
    ...(j.request.seed !== undefined ? { seed: j.request.seed } : {}),
    createdAt: new Date(j.createdAt).toISOString(),
    // storyboard stills are drafts like slates: Replace placeholders (Animate) finds them later
    slate: j.backend === "slate" || j.request.still === true,
    shotId: j.shotId,
    take: j.take,
    costUsd: j.costUsd ?? j.estimateUsd,
    ...(j.request.bibleEntries?.length ? { bibleEntries: j.request.bibleEntries } : {}),
  };
}

export class Arrivals {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: ArrivalsContext) {}

  /** Called for every job event; only downloads matter here. */
  onJob(j: JobRecord): void {
    if (j.state !== "downloaded" && j.state !== "failed") return;
    const found = this.ctx.requests().findByJob(j.id);
    if (!found) return;
    this.enqueue(() => this.handle(found.record.id));
  }

  /** After a reload: place whatever finished while the panel was closed. */
  async placePending(): Promise<void> {
    for (const r of this.ctx.requests().all()) this.enqueue(() => this.handle(r.id));
    await this.queue;
  }

  whenIdle(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((e: unknown) => this.ctx.say("error", messageOf(e)));
  }

  private async handle(requestId: string): Promise<void> {
    const log = this.ctx.requests();
    const record = log.get(requestId);
    if (!record || record.mode === "dry-run") return;
    const jobs = record.jobs.map((x) => ({ ...x, job: this.ctx.engine.get(x.jobId) }));
    const firsts = jobs.filter((x) => x.take === 1);
    const allSettled = firsts.every((x) => x.job && SETTLED.has(x.job.state));
    const due = firsts.filter((x) => x.job?.state === "downloaded" && !(x.placementId in record.placed) && !(x.placementId in record.refused));
    const binOnly = jobs.filter((x) => x.take > 1 && x.job?.state === "downloaded");
    if (record.placementMode === "all-at-once" && !allSettled) return;
    if (due.length === 0 && binOnly.length === 0) return;
    // shots still coming may finish a moment later: wait for them so they share one prep and one edit step
    if (this.ctx.gather && !allSettled) await this.ctx.gather();
    return this.placeDue(requestId);
  }

  private async placeDue(requestId: string): Promise<void> {
    const log = this.ctx.requests();
    const record = log.get(requestId);
    if (!record) return;
    const jobs = record.jobs.map((x) => ({ ...x, job: this.ctx.engine.get(x.jobId) }));
    const due = jobs.filter((x) => x.take === 1 && x.job?.state === "downloaded" && !(x.placementId in record.placed) && !(x.placementId in record.refused));
    const binOnly = jobs.filter((x) => x.take > 1 && x.job?.state === "downloaded");
    if (due.length === 0 && binOnly.length === 0) return;
    const takes = (list: typeof jobs): ReadyTake[] =>
      list.map((x) => ({ placement: record.placements.find((p) => p.id === x.placementId)!, mediaPath: x.job!.mediaPath!, provenance: provenanceOf(x.job!) }));
    const undoName = undoNameFor(record.kind, due.length);
    const outcome = await placeTakes(this.ctx.host, takes(due), takes(binOnly), undoName);
    for (const x of binOnly) await this.ctx.engine.markPlaced(x.jobId);
    for (const x of due) if (outcome.placed.has(x.placementId)) await this.ctx.engine.markPlaced(x.jobId);
    await log.update(requestId, (r) => ({
      ...r,
      placed: { ...r.placed, ...Object.fromEntries(outcome.placed) },
      refused: { ...r.refused, ...Object.fromEntries([...outcome.refused].map(([k, v]) => [k, v.reason])) },
      activeTake: { ...r.activeTake, ...Object.fromEntries([...outcome.placed.keys()].map((k) => [k, r.activeTake[k] ?? 1])) },
    }));
    for (const reason of new Set([...outcome.refused.values()].map((v) => v.reason))) this.ctx.say("warning", reason);
    this.ctx.onPlaced();
    await this.ctx.refresh();
  }

  /** Puts a shot back where it was planned after an Undo took its clip away (the panel offers it as "Place again"). */
  async placeAgain(jobId: string): Promise<void> {
    const log = this.ctx.requests();
    const found = log.findByJob(jobId);
    const j = this.ctx.engine.get(jobId);
    if (!found || !j?.mediaPath) throw new Error("This shot has no media to place.");
    const task = async (): Promise<void> => {
      const { record, placement } = found;
      const outcome = await placeTakes(this.ctx.host, [{ placement, mediaPath: j.mediaPath!, provenance: provenanceOf(j) }], [], `Cutaway: place shot ${placement.shotNumber} again`);
      const clipId = outcome.placed.get(placement.id);
      const refusedReason = outcome.refused.get(placement.id)?.reason;
      await log.update(record.id, (r) => ({
        ...r,
        placed: clipId ? { ...r.placed, [placement.id]: clipId } : r.placed,
        activeTake: clipId ? { ...r.activeTake, [placement.id]: j.take } : r.activeTake,
      }));
      if (refusedReason) this.ctx.say("warning", refusedReason);
      this.ctx.onPlaced();
      await this.ctx.refresh();
    };
    this.queue = this.queue.then(task);
    await this.queue;
  }

  /** Swaps the placed clip of a shot for another take: same range, same trims, one undo step. */
  async useTake(jobId: string): Promise<void> {
    const log = this.ctx.requests();
    const found = log.findByJob(jobId);
    const j = this.ctx.engine.get(jobId);
    if (!found || !j?.mediaPath) throw new Error("This take has no media yet.");
    const clipId = found.record.placed[found.placement.id];
    if (!clipId) throw new Error("The first take of this shot is not on the timeline yet.");
    const task = async (): Promise<void> => {
      await this.ctx.host.importMedia([j.mediaPath!], CUTAWAY_BIN);
      const take = resolve({ placement: found.placement, mediaPath: j.mediaPath!, provenance: provenanceOf(j) });
      const r = await this.ctx.host.swapTake(clipId, take, `Cutaway: use take ${j.take}`);
      if (r.refused.length) {
        this.ctx.say("warning", r.refused[0]!.reason);
        return;
      }
      await this.ctx.engine.markPlaced(jobId);
      await log.update(found.record.id, (rec: RequestRecord) => ({ ...rec, activeTake: { ...rec.activeTake, [found.placement.id]: j.take } }));
      this.ctx.onPlaced();
      await this.ctx.refresh();
    };
    this.queue = this.queue.then(task);
    await this.queue;
  }
}
