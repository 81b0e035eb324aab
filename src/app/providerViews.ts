/**
 * What the panel lists of each provider (its models, text-to-video first, and whether a key is
 * stored), and the options script breakdown runs with for the editor's default model.
 */
import type { BackendCapabilities } from "../backends/types";
import type { ProviderView } from "./api";
import type { BackendCatalog } from "./ports";
import { LLM_KEY_ID, type ScriptServiceOptions } from "./scriptPort";
import type { Settings } from "./settings";

export function providerViews(catalog: BackendCatalog, capsOf: (id: string) => BackendCapabilities & { readonly needsKey: boolean }, keys: ReadonlyMap<string, string>, hasScript: boolean): ProviderView[] {
  return [
    ...catalog.ids().map((id) => {
      const c = capsOf(id);
      return {
        id,
        label: c.label,
        needsKey: c.needsKey,
        hasKey: keys.has(id),
        // text-to-video models first: they work with or without continuity
        models: [...c.models]
          .sort((a, b) => Number(b.textToVideo !== false) - Number(a.textToVideo !== false))
          .map((m) => ({ id: m.id, label: m.label, pricePerSecondUsd: m.pricePerSecondUsd, durationsSeconds: m.durationsSeconds, imageToVideo: m.imageToVideo, textToVideo: m.textToVideo !== false, ...(m.still ? { still: true } : {}) })),
      };
    }),
    ...(hasScript ? [{ id: LLM_KEY_ID, label: "OpenAI (script writing)", needsKey: true, hasKey: keys.has(LLM_KEY_ID), purpose: "script" as const, models: [] }] : []),
  ];
}

/** Breakdown options: the LLM key and model, and the default model's prompt and clip limits (each shot one clip). */
export function scriptOptionsFor(catalog: BackendCatalog, settings: Settings, keys: ReadonlyMap<string, string>, stylePreset: string): ScriptServiceOptions {
  const caps = catalog.ids().includes(settings.defaultBackend) ? catalog.capabilities(settings.defaultBackend) : null;
  const model = caps?.models.find((m) => m.id === settings.defaultModel) ?? caps?.models[0];
  return {
    stylePreset,
    apiKey: keys.get(LLM_KEY_ID) ?? null,
    llmModel: settings.llmModel,
    llmBaseUrl: settings.llmBaseUrl,
    maxPromptChars: model?.maxPromptChars ?? 1000,
    wordsPerSecond: settings.wordsPerSecond,
    ...(model?.durationsSeconds.length ? { clipMinSeconds: Math.min(...model.durationsSeconds), clipMaxSeconds: Math.max(...model.durationsSeconds) } : {}),
  };
}
