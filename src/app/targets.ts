/**
 * From what the editor picked (a scope in the target bar) to core targets, and the target bar's
 * summaries with counts, durations and a reason when a scope cannot be used right now.
 */
import {
  detectPlaceholders,
  targetFromInOut,
  targetFromPlayhead,
  targetsFromHoles,
  targetsFromMarkers,
  targetsFromPlaceholders,
  targetsFromSelection,
  targetsFromTrackGaps,
  type PlaceholderRules,
  DEFAULT_PLACEHOLDER_RULES,
} from "../core/analysis";
import type { Target } from "../core/plan";
import type { SequenceSnapshot } from "../core/timeline";
import { ticksToSeconds } from "../core/time";
import type { GenerateRequest, TargetScope, TargetSummary } from "./api";
import { NothingToDo } from "./notices";
import { rangeView } from "./views";

export function placeholderRules(patterns: readonly string[]): PlaceholderRules {
  return { ...DEFAULT_PLACEHOLDER_RULES, namePatterns: [...patterns] };
}

const LABELS: Record<TargetScope, string> = {
  playhead: "Gap at playhead",
  inout: "In to out",
  selection: "Selected clips",
  "all-gaps": "All gaps",
  "track-gaps": "Gaps on a track",
  markers: "Markers",
  placeholders: "Placeholders",
  script: "Script",
};

/** The targets for a request, before planning. Empty means "nothing to do" with a reason. */
export function targetsFor(s: SequenceSnapshot, r: Pick<GenerateRequest, "scope" | "trackIndex" | "markerColorIndex" | "shots" | "destination">, rules: PlaceholderRules, prompt = ""): Target[] {
  switch (r.scope) {
    case "playhead":
      return [targetFromPlayhead(s, Math.round(Number(s.rate.num) / Number(s.rate.den)) * 2, prompt)];
    case "inout": {
      const t = targetFromInOut(s, prompt);
      if (!t) throw new NothingToDo("No in and out points are marked on the sequence. Mark in (I) and out (O) and try again.");
      return [t];
    }
    case "selection": {
      const t = targetsFromSelection(s, prompt);
      if (!t.length) throw new NothingToDo("No clips are selected in the timeline. Select the A-roll clips to cover and try again.");
      return t;
    }
    case "all-gaps": {
      const t = targetsFromHoles(s, "all", prompt);
      if (!t.length) throw new NothingToDo("This sequence has no gaps: every frame has picture.");
      return t;
    }
    case "track-gaps": {
      const t = targetsFromTrackGaps(s, r.trackIndex ?? 0, prompt);
      if (!t.length) throw new NothingToDo(`V${(r.trackIndex ?? 0) + 1} has no gaps.`);
      return t;
    }
    case "markers": {
      const t = targetsFromMarkers(s, r.markerColorIndex === undefined ? {} : { colorIndex: r.markerColorIndex }, prompt);
      if (!t.length) throw new NothingToDo("No markers of that colour on the sequence.");
      return t;
    }
    case "placeholders": {
      const t = targetsFromPlaceholders(s, detectPlaceholders(s, rules), prompt);
      if (!t.length) throw new NothingToDo("No placeholders found. Name clips PLACEHOLDER, TBD or SHOT 12, or change the rules in Settings.");
      return t;
    }
    case "script":
      throw new NothingToDo("Script shots are planned from the shot list; break the script down first.");
  }
}

/** The target bar: one summary per scope, computed from one snapshot. */
export function targetSummaries(s: SequenceSnapshot, rules: PlaceholderRules): TargetSummary[] {
  const scopes: TargetScope[] = ["playhead", "inout", "selection", "all-gaps", "placeholders", "markers"];
  return scopes.map((scope) => {
    try {
      const targets = targetsFor(s, { scope }, rules);
      const total = targets.reduce((n, t) => n + (t.range.end - t.range.start), 0n);
      return {
        scope,
        label: LABELS[scope],
        count: targets.length,
        totalSeconds: Math.round(ticksToSeconds(total) * 10) / 10,
        items: targets.slice(0, 200).map((t) => rangeView(s, t.id, t.context?.[0] ?? LABELS[scope], t.range, Math.max(0, t.baseTrackIndex + 1))),
        available: true,
      };
    } catch (e) {
      return { scope, label: LABELS[scope], count: 0, totalSeconds: 0, items: [], available: false, reason: e instanceof NothingToDo ? e.message : "Not available." };
    }
  });
}

/** A prompt from the context when the editor gave none: marker notes, neighbour names, the style. */
export function derivedPrompt(t: Target, style: string): string {
  const notes = (t.context ?? []).filter((c) => !/^(after|before) "/.test(c));
  const neighbours = (t.context ?? []).filter((c) => /^(after|before) "/.test(c)).map((c) => c.replace(/^(after|before) "(.*)"$/, "$2").replace(/\.[a-z0-9]{2,4}$/i, "").replace(/[_-]+/g, " "));
  const base = notes[0] ?? (neighbours.length ? `B-roll matching ${neighbours.join(" and ")}` : "Atmospheric B-roll");
  return style && style !== "none" ? `${base}, ${style}` : base;
}

