/** What the panel sees of the settings: everything but the drafts (they travel on their own). */
import type { SettingsView } from "./api";
import type { Settings } from "./settings";

export function settingsView(s: Settings): SettingsView {
  return {
    defaultBackend: s.defaultBackend,
    defaultModel: s.defaultModel,
    mediaFolder: s.mediaFolder,
    placeholderPatterns: s.placeholderPatterns,
    defaultStyle: s.defaultStyle,
    budgetUsd: s.budgetUsd,
    confirmAboveUsd: s.confirmAboveUsd,
    concurrency: s.concurrency,
    placement: s.placement,
    baseUrls: s.baseUrls,
    comfyWorkflow: s.comfyWorkflow,
    llmModel: s.llmModel,
    llmBaseUrl: s.llmBaseUrl,
    wordsPerSecond: s.wordsPerSecond,
  };
}
