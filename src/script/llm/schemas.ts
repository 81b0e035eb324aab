/**
 * What the LLM must answer, as zod schemas sent with `zodTextFormat` (strict structured output:
 * every field required, optional ones nullable). The answer is bounded and cleaned again after
 * parsing: a model's output is input like any other.
 */
import { z } from "zod";

export const llmShotSchema = z.object({
  description: z.string(),
  location: z.string().nullable(),
  timeOfDay: z.string().nullable(),
  interior: z.boolean().nullable(),
  characters: z.array(z.string()),
  /** the script's words spoken under this shot, verbatim: they time it, they never reach a prompt */
  dialogue: z.string().nullable(),
  durationSeconds: z.number(),
  prompt: z.string(),
  negativePrompt: z.string().nullable(),
  transcriptStartSeconds: z.number().nullable(),
  transcriptEndSeconds: z.number().nullable(),
});

export const llmBreakdownSchema = z.object({
  title: z.string().nullable(),
  characters: z.array(z.object({ name: z.string(), description: z.string() })),
  shots: z.array(llmShotSchema),
});

export const llmScriptSchema = z.object({
  title: z.string(),
  fountain: z.string(),
});

export type LlmShot = z.infer<typeof llmShotSchema>;
export type LlmBreakdown = z.infer<typeof llmBreakdownSchema>;
export type LlmScript = z.infer<typeof llmScriptSchema>;

/** What the shot-list call is given: the text, the look, and the cast bible to describe people by. */
export interface LlmShotListRequest {
  readonly text: string;
  readonly style: string;
  readonly cast: ReadonlyArray<{ readonly name: string; readonly description: string | null }>;
}
