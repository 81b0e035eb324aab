/**
 * The app's own record of each request: which placements it planned and which job serves each
 * (placement, take). The job engine journals the paid jobs; this file lets a reloaded panel know
 * where each downloaded clip belongs. Written atomically, zod-validated on load.
 */
import { z } from "zod";
import type { Placement } from "../core/plan/types";
import type { FileStore } from "./ports";

const ticks = z.string().regex(/^-?\d+$/).transform((s) => BigInt(s));

const placementSchema = z.object({
  id: z.string(),
  targetId: z.string(),
  shotNumber: z.number().int(),
  range: z.object({ start: ticks, end: ticks }),
  trackIndex: z.number().int().min(0),
  newTrack: z.boolean(),
  generationSeconds: z.number().positive(),
  sourceIn: ticks,
  sourceOut: ticks,
  aspect: z.string(),
  size: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  name: z.string(),
  prompt: z.string(),
  negativePrompt: z.string().optional(),
  replacesClipId: z.string().optional(),
  part: z.object({ index: z.number().int(), of: z.number().int() }).optional(),
});

const requestRecordSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(["fill-gaps", "broll", "replace-placeholders", "script-to-cut", "extend", "bridge", "conform"]),
  mode: z.enum(["generate", "draft", "dry-run"]),
  createdAt: z.string(),
  sequenceId: z.string(),
  backend: z.string(),
  model: z.string(),
  takes: z.number().int().min(1),
  placementMode: z.enum(["as-they-arrive", "all-at-once"]),
  placements: z.array(placementSchema),
  /** jobs by placement and take (1-based) */
  jobs: z.array(z.object({ placementId: z.string(), take: z.number().int().min(1), jobId: z.string() })),
  /** placement id → clip id once on the timeline */
  placed: z.record(z.string(), z.string()),
  /** placement id → the take now on the timeline */
  activeTake: z.record(z.string(), z.number().int().min(1)),
  refused: z.record(z.string(), z.string()),
});

export type RequestRecord = z.infer<typeof requestRecordSchema>;

const fileSchema = z.object({ version: z.literal(1), requests: z.array(z.unknown()) });

export class RequestLog {
  private records = new Map<string, RequestRecord>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly files: FileStore,
    private readonly path: string,
  ) {}

  async load(): Promise<string[]> {
    const notices: string[] = [];
    if (!(await this.files.exists(this.path))) return notices;
    let raw: unknown;
    try {
      raw = JSON.parse(await this.files.readText(this.path));
    } catch {
      return ["Cutaway's request history could not be read; jobs still resume from the journal."];
    }
    const file = fileSchema.safeParse(raw);
    if (!file.success) return ["Cutaway's request history has an unknown format and was ignored."];
    for (const r of file.data.requests) {
      const rec = requestRecordSchema.safeParse(r);
      if (rec.success) this.records.set(rec.data.id, rec.data);
      else notices.push("One request in Cutaway's history was damaged and skipped.");
    }
    return notices;
  }

  all(): RequestRecord[] {
    return [...this.records.values()];
  }

  get(id: string): RequestRecord | undefined {
    return this.records.get(id);
  }

  findByJob(jobId: string): { record: RequestRecord; placement: Placement; take: number } | undefined {
    for (const record of this.records.values()) {
      const j = record.jobs.find((x) => x.jobId === jobId);
      if (!j) continue;
      const placement = record.placements.find((p) => p.id === j.placementId);
      if (placement) return { record, placement, take: j.take };
    }
    return undefined;
  }

  async put(record: RequestRecord): Promise<void> {
    this.records.set(record.id, record);
    await this.flush();
  }

  async update(id: string, fn: (r: RequestRecord) => RequestRecord): Promise<RequestRecord | undefined> {
    const r = this.records.get(id);
    if (!r) return undefined;
    const next = fn(r);
    this.records.set(id, next);
    await this.flush();
    return next;
  }

  /** serialised: two quick updates never interleave their writes */
  private flush(): Promise<void> {
    const snapshot = JSON.stringify({ version: 1, requests: this.all() }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    this.writing = this.writing.then(() => this.files.writeAtomic(this.path, snapshot));
    return this.writing;
  }
}
