/**
 * Conform: which of Cutaway's clips are drafts to upgrade in place, known from provenance alone —
 * slates, storyboard stills and shots from a model the app counts as a draft model (cheap or lower
 * resolution). Each keeps its exact range and its shot spec; shots already final are skipped with a
 * reason; the editor's own clips (no provenance) are never drafts.
 */
import type { Target } from "../plan/types";
import type { Clip, SequenceSnapshot } from "../timeline";

export type DraftKind = "slate" | "still" | "cheap";

export interface ConformFinal {
  readonly backend: string;
  readonly model: string;
  readonly modelLabel: string;
  /** the tallest frame the final model renders (short side), to warn on 4K sequences */
  readonly maxShortSide: number;
  /** the final model takes a seed: a draft's seed is carried over */
  readonly seed: boolean;
}

export interface ConformOptions {
  readonly scope: "selection" | "sequence";
  readonly final: ConformFinal;
  /** "backend/model" of models whose shots count as drafts (besides slates and stills) */
  readonly draftModels: ReadonlySet<string>;
}

/** What the final is made from: the draft's own spec, from its provenance. */
export interface ShotSpec {
  readonly prompt: string;
  readonly seed?: number;
  readonly shotId?: string;
  /** the draft's job: its journal record holds the first/last frames it was made with */
  readonly jobId: string;
  readonly fromBackend: string;
  readonly fromModel: string;
  /** the bible entries the draft was made with: the final takes them again */
  readonly bibleEntries?: readonly string[];
}

export interface Draft {
  readonly clip: Clip;
  readonly kind: DraftKind;
  readonly spec: ShotSpec;
  readonly target: Target;
  /** per-shot remark that does not stop the run (4K sequence, lower-resolution model) */
  readonly note?: string;
}

export interface SkippedShot {
  readonly clip: Clip;
  readonly reason: string;
}

export interface ConformAnalysis {
  readonly drafts: readonly Draft[];
  readonly skipped: readonly SkippedShot[];
}

export const modelKey = (backend: string, model: string): string => `${backend}/${model}`;

function draftKind(c: Clip, draftModels: ReadonlySet<string>): DraftKind | null {
  const p = c.provenance!;
  if (p.slate) return "slate";
  if (c.mediaKind === "still") return "still";
  return draftModels.has(modelKey(p.backend, p.model)) ? "cheap" : null;
}

function resolutionNote(s: SequenceSnapshot, final: ConformFinal): string | undefined {
  const short = Math.min(s.frameSize.width, s.frameSize.height);
  if (final.maxShortSide >= short) return undefined;
  return `${final.modelLabel} tops out at ${final.maxShortSide}p; this ${short}p sequence will show it scaled up.`;
}

export function findDrafts(s: SequenceSnapshot, o: ConformOptions): ConformAnalysis {
  const selected = o.scope === "selection" ? new Set(s.selection) : null;
  const note = resolutionNote(s, o.final);
  const finalKey = modelKey(o.final.backend, o.final.model);
  const drafts: Draft[] = [];
  const skipped: SkippedShot[] = [];
  for (const t of s.videoTracks) {
    for (const c of t.clips) {
      // a disabled draft was replaced already; the editor's own clips are never Cutaway's to conform
      if (!c.enabled || !c.provenance) continue;
      if (selected && !selected.has(c.id)) continue;
      const p = c.provenance;
      const kind = draftKind(c, o.draftModels);
      if (!kind) {
        skipped.push({ clip: c, reason: modelKey(p.backend, p.model) === finalKey ? `Already final on ${o.final.modelLabel}.` : `Already final (${p.model}).` });
        continue;
      }
      const spec: ShotSpec = {
        prompt: p.prompt,
        ...(o.final.seed && p.seed !== undefined ? { seed: p.seed } : {}),
        ...(p.shotId ? { shotId: p.shotId } : {}),
        jobId: p.jobId,
        fromBackend: p.backend,
        fromModel: p.model,
        ...(p.bibleEntries?.length ? { bibleEntries: p.bibleEntries } : {}),
      };
      const target: Target = {
        id: `conform-${c.id}`,
        range: { start: c.start, end: c.end },
        prompt: p.prompt,
        baseTrackIndex: c.trackIndex,
        kind: "conform",
        replacesClipId: c.id,
        context: [c.name],
      };
      drafts.push({ clip: c, kind, spec, target, ...(note ? { note } : {}) });
    }
  }
  const byStart = (a: { clip: Clip }, b: { clip: Clip }): number => (a.clip.start < b.clip.start ? -1 : a.clip.start > b.clip.start ? 1 : a.clip.trackIndex - b.clip.trackIndex);
  return { drafts: drafts.sort(byStart), skipped: skipped.sort(byStart) };
}
