/**
 * A prompt asked for twice gives two near-identical clips: a 31 s hole cut into four parts, or one
 * prompt typed for every gap. Each repeat gets its own framing — wide, medium, close, then the action
 * continuing — so the parts cut together as coverage instead of one shot four times.
 */
import { capPrompt, shotName, type Placement } from "../../core/plan";

export const FRAMINGS: readonly string[] = ["Wide establishing shot", "Medium shot", "Close-up detail", "Continuing the action, a new angle", "Over-the-shoulder view", "Low-angle shot"];

/**
 * Placements with no two prompts the same; names follow their prompts. The parts of a split hole
 * take the framings in order; other repeats take the next framing not used yet. Unprompted shots stay empty.
 */
export function varyRepeatedPrompts(placements: readonly Placement[], maxPromptChars: number): Placement[] {
  const uses = new Map<string, number>();
  for (const p of placements) if (p.prompt) uses.set(p.prompt, (uses.get(p.prompt) ?? 0) + 1);
  const used = new Set<string>(placements.filter((p) => p.prompt && uses.get(p.prompt) === 1).map((p) => p.prompt));
  const seen = new Map<string, number>();
  return placements.map((p) => {
    if (!p.prompt || (uses.get(p.prompt) ?? 0) < 2) return p;
    const occurrence = seen.get(p.prompt) ?? 0;
    seen.set(p.prompt, occurrence + 1);
    let k = p.part ? p.part.index - 1 : occurrence;
    let prompt = "";
    for (;; k++) {
      const round = Math.floor(k / FRAMINGS.length);
      prompt = capPrompt(`${FRAMINGS[k % FRAMINGS.length]}${round ? ` ${round + 1}` : ""}: ${p.prompt}`, maxPromptChars);
      if (!used.has(prompt)) break;
    }
    used.add(prompt);
    return { ...p, prompt, name: shotName(p.shotNumber, prompt) };
  });
}
