/**
 * Checks on timed cues before they become shots: cues are put in time order, overlaps are trimmed,
 * impossible timings are reported, and nothing is dropped without the editor being told where.
 */
import type { TranscriptSegmentElement } from "./model";

export const MAX_CUE_SECONDS = 300;

type Problem = "timing" | "untimed" | "empty";

const SAY: Readonly<Record<Problem, (n: number, where: string) => string>> = {
  timing: (n, where) => `${n} cue(s) have a timing that cannot be read (${where}): times are hh:mm:ss,mmm with minutes and seconds under 60. They were left out.`,
  untimed: (n, where) => `${n} block(s) of text have no timing line (${where}) and were left out.`,
  empty: (n, where) => `${n} cue(s) have no text (${where}).`,
};

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).map((l) => `line ${l}`).join(", ");
  return lines.length > 5 ? `${shown} and ${lines.length - 5} more` : shown;
}

/** Problems found while reading cues, reported once per kind with the lines they are on. */
export class CueProblems {
  private readonly found = new Map<Problem, number[]>();

  add(kind: Problem, line: number): void {
    const list = this.found.get(kind) ?? [];
    list.push(line);
    this.found.set(kind, list);
  }

  messages(): string[] {
    return [...this.found].map(([kind, lines]) => SAY[kind](lines.length, lineList(lines)));
  }
}

/**
 * Sort, then check each cue against the one before: an end before its start or a cue longer than
 * MAX_CUE_SECONDS gets no end (the breakdown times it by its words) and a notice; an overlap is cut
 * where the next cue starts.
 */
export function checkCues(input: readonly TranscriptSegmentElement[]): { segments: TranscriptSegmentElement[]; warnings: string[] } {
  const warnings: string[] = [];
  let outOfOrder = 0;
  for (let i = 1; i < input.length; i++) if (input[i]!.startSeconds < input[i - 1]!.startSeconds) outOfOrder++;
  const segments = input.map((s) => ({ ...s }));
  if (outOfOrder) {
    segments.sort((a, b) => a.startSeconds - b.startSeconds || a.line - b.line);
    warnings.push(`${outOfOrder} cue(s) were out of time order; they were put in order by start time.`);
  }
  const backwards: number[] = [];
  const tooLong: number[] = [];
  const overlaps: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.endSeconds < s.startSeconds) {
      backwards.push(s.line);
      s.endSeconds = s.startSeconds;
    } else if (s.endSeconds - s.startSeconds > MAX_CUE_SECONDS) {
      tooLong.push(s.line);
      s.endSeconds = s.startSeconds;
    }
    const next = segments[i + 1];
    if (next && s.endSeconds > next.startSeconds) {
      overlaps.push(next.line);
      s.endSeconds = next.startSeconds;
    }
  }
  if (backwards.length) warnings.push(`${backwards.length} cue(s) end before they start (${lineList(backwards)}); they are timed by their words instead.`);
  if (tooLong.length) warnings.push(`${tooLong.length} cue(s) last more than ${MAX_CUE_SECONDS / 60} minutes (${lineList(tooLong)}), which is a timing typo; they are timed by their words instead.`);
  if (overlaps.length) warnings.push(`${overlaps.length} cue(s) start before the one before them ends (${lineList(overlaps)}); the earlier cue now ends where the next begins.`);
  return { segments, warnings };
}
