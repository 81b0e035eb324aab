/**
 * Preferences, validated with zod whenever they cross the SettingsStore boundary. Keys are not
 * here: they live only in the SecretStore. A corrupt or old settings file falls back to defaults
 * field by field instead of failing the panel, except that a limit it holds but cannot read falls
 * back to its strictest value, never to none: a damaged budget is $0, not "no cap".
 * What the editor types is read (and refused with a sentence) in settingsInput.ts.
 */
import { z } from "zod";
import { STYLE_IDS } from "../script/prompts/styles";
import { CutawayError } from "../core/errors";
import { EMPTY_DRAFTS, panelDraftsSchema } from "./panelDrafts";
import type { SettingsStore } from "./ports";

/** absent: the default; present but unreadable: the strictest value */
const strictest = <T>(byDefault: T, strict: T) => (ctx: { input: unknown }): T => (ctx.input === undefined ? byDefault : strict);

/** one list, kept with the prompt phrases they stand for */
export const STYLE_PRESETS: readonly string[] = STYLE_IDS;

export const DEFAULT_PLACEHOLDER_PATTERNS = ["PLACEHOLDER", "TBD", "\\bTK\\b", "SLATE", "SHOT \\d+", "B-ROLL"];

export const settingsSchema = z.object({
  defaultBackend: z.string().min(1).catch("slate"),
  defaultModel: z.string().min(1).catch("slate"),
  /** null: "<project folder>/Cutaway Media" */
  mediaFolder: z.string().min(1).nullable().catch(null),
  placeholderPatterns: z.array(z.string().min(1)).max(50).catch(DEFAULT_PLACEHOLDER_PATTERNS),
  defaultStyle: z.string().catch("none"),
  budgetUsd: z.number().finite().nonnegative().nullable().catch(strictest<number | null>(null, 0)),
  confirmAboveUsd: z.number().finite().nonnegative().catch(strictest(5, 0)),
  concurrency: z.number().int().min(1).max(16).catch(strictest(4, 1)),
  placement: z.enum(["as-they-arrive", "all-at-once"]).catch("as-they-arrive"),
  /** per-backend base URL overrides (gateways, ComfyUI servers) */
  baseUrls: z.record(z.string(), z.string().min(1)).catch({}),
  /** the LLM that breaks scripts down and writes scripts from ideas (OpenAI Responses API) */
  llmModel: z.string().min(1).catch("gpt-5-mini"),
  /** an OpenAI-compatible server for the LLM; OpenAI's own when null */
  llmBaseUrl: z.string().url().nullable().catch(null),
  /** narration speed used to time shots from words */
  wordsPerSecond: z.number().min(0.5).max(6).catch(2.5),
  /** ComfyUI: the user's API-format workflow JSON */
  comfyWorkflow: z.string().nullable().catch(null),
  /** what the editor typed and has not run yet (panelDrafts.ts) */
  drafts: panelDraftsSchema.catch(EMPTY_DRAFTS),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Secret-store key for a provider's API key; one place so nothing else invents names. */
export function apiKeyName(provider: string): string {
  return `cutaway.apiKey.${provider}`;
}

export async function loadSettings(store: SettingsStore): Promise<Settings> {
  let raw: unknown;
  try {
    raw = await store.load();
  } catch {
    raw = undefined;
  }
  const parsed = settingsSchema.safeParse(raw && typeof raw === "object" ? raw : {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/**
 * Checks what the editor typed before it is saved: a wrong server address or workflow must be said
 * at once, not found later as a failed shot (or silently dropped by the schema's fallbacks).
 */
export function settingsPatchProblem(patch: Partial<Settings>): string | null {
  for (const [id, value] of Object.entries(patch.baseUrls ?? {})) {
    // ComfyUI takes several workers: "http://gpu1:8188, http://gpu2:8188"
    for (const url of value.split(id === "comfyui" ? /[,\s]+/ : /$^/).filter(Boolean)) {
      if (!isHttpUrl(url)) return `"${url}" is not a server address for ${id}; enter it like http://localhost:8188.`;
    }
  }
  for (const p of patch.placeholderPatterns ?? []) {
    try {
      new RegExp(p, "i");
    } catch {
      return `"${p}" is not a valid regular expression; fix it, or switch off Advanced and type plain words.`;
    }
  }
  if (patch.llmBaseUrl && !isHttpUrl(patch.llmBaseUrl)) return `"${patch.llmBaseUrl}" is not a server address; enter it like https://api.openai.com/v1.`;
  return null;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** The settings with the patch applied; a patched value the schema would replace is refused, never swapped for a default. */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  const merged = settingsSchema.parse({ ...current, ...patch });
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && JSON.stringify(merged[key as keyof Settings]) !== JSON.stringify(value)) {
      throw new CutawayError("bad_setting", `Cutaway cannot use that value for ${key}; nothing was saved. Check what you typed.`);
    }
  }
  return merged;
}
