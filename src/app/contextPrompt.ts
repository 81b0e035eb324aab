/**
 * What a shot is about when the editor typed no prompt: the words near it (marker notes, a
 * placeholder's own description, a slate's recorded prompt), never a file name or one of Cutaway's
 * own names — a provider asked for "Interview_Anna_02.mov" renders nonsense and bills for it.
 * When nothing says what to show, there is no prompt and the panel asks the editor for one.
 */
import { markerNotes, type PlaceholderRules } from "../core/analysis";
import type { Target } from "../core/plan";
import type { SequenceSnapshot } from "../core/timeline";

const MEDIA_EXTENSION = /\.(mov|mp4|m4v|mxf|avi|mkv|webm|png|jpe?g|tiff?|psd|wav|aif+|mp3|r3d|braw|prproj)\b/i;
/** Cutaway's own clip names ("Cutaway 007 – …") and the host's generic ones say nothing about a shot */
const NOT_A_DESCRIPTION = [/^\s*cutaway\s+\d+/i, /^\s*(color|colour) matte\s*$/i, /^\s*(black|transparent) video\s*$/i, /^\s*bars and tone/i, /^\s*adjustment layer\s*$/i, /^\s*graphic\s*$/i];

/** True when a clip name could only come from a file or from Cutaway itself. */
export function isMachineName(name: string): boolean {
  if (MEDIA_EXTENSION.test(name)) return true;
  if (NOT_A_DESCRIPTION.some((re) => re.test(name))) return true;
  // Interview_Anna_02, A001C003_220101: underscores and digits, no spaces
  return /^[\w.-]+$/.test(name.trim()) && /[_\d]/.test(name);
}

/**
 * A placeholder's name with the placeholder words taken out ("PLACEHOLDER – drone over city" →
 * "drone over city"), when what is left reads as a description of at least two words.
 */
export function descriptionFromName(name: string, rules: PlaceholderRules): string | null {
  if (isMachineName(name)) return null;
  let rest = name;
  for (const p of rules.namePatterns) {
    try {
      rest = rest.replace(new RegExp(p, "gi"), " ");
    } catch {
      // an unusable pattern is reported by the rules themselves
    }
  }
  rest = rest.replace(/[–—\-:|/#()[\]]+/g, " ").replace(/\s+/g, " ").trim();
  const words = rest.split(" ").filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 2 ? rest : null;
}

/** The words a target's own surroundings give it, best first; empty when nothing describes it. */
export function contextPrompt(s: SequenceSnapshot, t: Target, rules: PlaceholderRules): string {
  const notes = markerNotes(s, t.range);
  if (notes.length) return notes[0]!;
  if (t.kind === "placeholder" && t.replacesClipId) {
    const clip = s.videoTracks.flatMap((tr) => tr.clips).find((c) => c.id === t.replacesClipId);
    const d = clip && !clip.provenance ? descriptionFromName(clip.name, rules) : null;
    if (d) return d;
  }
  return "";
}

/** The style preset appended, unless the prompt already says it. */
export function withStyle(prompt: string, style: string): string {
  if (!prompt || !style || style === "none" || prompt.includes(style)) return prompt;
  return `${prompt}, ${style}`;
}
