/**
 * What the editor has typed but not run yet — the Fill prompt and picks, the Script tab's text and
 * edited shot list — kept in the preferences store so a tab switch or a panel reload loses nothing.
 * Validated like every other setting: a damaged draft falls back to empty, never breaks the panel.
 */
import { z } from "zod";

const shotDraftSchema = z.object({
  id: z.string().max(200),
  number: z.number().int(),
  text: z.string().max(20_000),
  prompt: z.string().max(20_000),
  negativePrompt: z.string().max(5_000),
  durationSeconds: z.number().finite().positive(),
  startTimecode: z.string().max(20).optional(),
  endTimecode: z.string().max(20).optional(),
  sceneLabel: z.string().max(500).optional(),
  sourceRange: z.object({ startSeconds: z.number(), endSeconds: z.number() }).optional(),
});

export const fillDraftSchema = z.object({
  scope: z.string().max(40).catch("all-gaps"),
  prompt: z.string().max(20_000).catch(""),
  backend: z.string().max(100).nullable().catch(null),
  model: z.string().max(200).nullable().catch(null),
  takes: z.number().int().min(1).max(8).catch(1),
  style: z.string().max(100).nullable().catch(null),
  continuity: z.boolean().catch(false),
  promptsByTarget: z.record(z.string().max(300), z.string().max(20_000)).catch({}),
  skipTargetIds: z.array(z.string().max(300)).max(1000).catch([]),
});

export const scriptDraftSchema = z.object({
  text: z.string().max(2_000_000).catch(""),
  idea: z.string().max(2_000).catch(""),
  shots: z.array(shotDraftSchema).max(5_000).catch([]),
  destination: z.enum(["new-sequence", "playhead", "under-words"]).catch("playhead"),
  format: z.string().max(40).nullable().catch(null),
  title: z.string().max(500).nullable().catch(null),
  notices: z.array(z.string().max(2_000)).max(50).catch([]),
});

export const panelDraftsSchema = z.object({
  fill: fillDraftSchema.catch(() => fillDraftSchema.parse({})),
  script: scriptDraftSchema.catch(() => scriptDraftSchema.parse({})),
});

export type FillDraft = z.infer<typeof fillDraftSchema>;
export type ScriptDraft = z.infer<typeof scriptDraftSchema>;
export type PanelDrafts = z.infer<typeof panelDraftsSchema>;

export const EMPTY_DRAFTS: PanelDrafts = panelDraftsSchema.parse({ fill: {}, script: {} });

export interface DraftsPatch {
  readonly fill?: Partial<FillDraft>;
  readonly script?: Partial<ScriptDraft>;
}

export function mergeDrafts(current: PanelDrafts, patch: DraftsPatch): PanelDrafts {
  return panelDraftsSchema.parse({ fill: { ...current.fill, ...patch.fill }, script: { ...current.script, ...patch.script } });
}
