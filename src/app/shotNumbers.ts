/**
 * Shot numbers run on across requests ("Cutaway 009" follows "Cutaway 008" from the last run), so a
 * clip's name, its Jobs row and its plan row say the same number; and a shot with nothing to describe
 * it is never sent.
 */
import type { PlanPreview } from "./api";
import { PromptNeeded } from "./notices";
import type { RequestRecord } from "./requestLog";

export function nextShotNumber(records: readonly Pick<RequestRecord, "placements">[]): number {
  let max = 0;
  for (const r of records) for (const p of r.placements) if (p.shotNumber > max) max = p.shotNumber;
  return max + 1;
}

/** Refuses a paid run while any shot has no prompt, naming the shots and what would describe them. */
export function refuseUnprompted(preview: PlanPreview): void {
  const missing = preview.items.filter((i) => i.needsPrompt);
  if (!missing.length) return;
  const which = missing.slice(0, 4).map((i) => `${i.shotNumber} (${i.startTimecode})`).join(", ");
  const more = missing.length > 4 ? ` and ${missing.length - 4} more` : "";
  throw new PromptNeeded(
    `Nothing says what shot${missing.length === 1 ? "" : "s"} ${which}${more} should show: no marker note, transcript or script words there. Type a prompt for ${missing.length === 1 ? "it" : "them"} in the plan (or one for all above), or add a marker note. Nothing was sent.`,
  );
}
