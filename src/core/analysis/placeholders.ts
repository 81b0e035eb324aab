/**
 * Placeholders: clips that stand in for a shot not made yet. Rules are data the editor can change
 * in Settings; an unusable pattern is reported, not thrown from deep inside.
 */
import { z } from "zod";
import { InvalidInputError } from "../errors";
import type { Clip, MediaKind, SequenceSnapshot } from "../timeline";

export const placeholderRulesSchema = z.object({
  /** regular expressions, matched case-insensitively against the clip name */
  namePatterns: z.array(z.string().min(1).max(200)).max(50),
  mediaKinds: z.array(z.enum(["video", "still", "audio", "colorMatte", "bars", "slug", "title", "graphic", "adjustment", "sequence", "unknown"])),
  /** Premiere colour label indices that mark a placeholder */
  labelIndices: z.array(z.number().int().min(0).max(15)),
  /** Cutaway's own draft slates (provenance.slate) */
  includeSlates: z.boolean(),
});

export type PlaceholderRules = z.infer<typeof placeholderRulesSchema>;

export const DEFAULT_PLACEHOLDER_RULES: PlaceholderRules = {
  namePatterns: ["PLACEHOLDER", "\\bTBD\\b", "\\bTK\\b", "\\bSLATE\\b", "\\bSHOT\\s*\\d+", "B-ROLL"],
  mediaKinds: ["colorMatte", "slug", "bars"],
  labelIndices: [],
  includeSlates: true,
};

export type PlaceholderReason = "name" | "media" | "label" | "slate";

export interface Placeholder {
  readonly clip: Clip;
  readonly reason: PlaceholderReason;
  /** what matched, for the panel ("name matches SHOT \d+") */
  readonly detail: string;
}

export function compileRules(rules: PlaceholderRules): (clip: Clip) => Placeholder | null {
  const parsed = placeholderRulesSchema.safeParse(rules);
  if (!parsed.success) {
    throw new InvalidInputError("bad_placeholder_rules", "The placeholder rules in Settings are not valid; reset them to the defaults.");
  }
  const patterns = parsed.data.namePatterns.map((p) => {
    try {
      return { source: p, re: new RegExp(p, "i") };
    } catch {
      throw new InvalidInputError("bad_placeholder_pattern", `The placeholder pattern "${p}" is not a valid pattern; fix it in Settings.`);
    }
  });
  const kinds = new Set<MediaKind>(parsed.data.mediaKinds);
  const labels = new Set(parsed.data.labelIndices);
  return (clip) => {
    if (parsed.data.includeSlates && clip.provenance?.slate) return { clip, reason: "slate", detail: "Cutaway draft slate" };
    if (kinds.has(clip.mediaKind)) return { clip, reason: "media", detail: `a ${clip.mediaKind}` };
    if (clip.labelIndex !== undefined && labels.has(clip.labelIndex)) return { clip, reason: "label", detail: `label ${clip.labelIndex}` };
    // a name can be long (subclip names); bound the work per clip
    const name = clip.name.slice(0, 500);
    for (const p of patterns) if (p.re.test(name)) return { clip, reason: "name", detail: `name matches ${p.source}` };
    return null;
  };
}

/** Enabled placeholders, in timeline order (a disabled one was already replaced). */
export function detectPlaceholders(s: SequenceSnapshot, rules: PlaceholderRules = DEFAULT_PLACEHOLDER_RULES): Placeholder[] {
  const test = compileRules(rules);
  const found: Placeholder[] = [];
  for (const t of s.videoTracks) {
    for (const c of t.clips) {
      if (!c.enabled) continue;
      const p = test(c);
      if (p) found.push(p);
    }
  }
  return found.sort((a, b) => (a.clip.start < b.clip.start ? -1 : a.clip.start > b.clip.start ? 1 : a.clip.trackIndex - b.clip.trackIndex));
}
