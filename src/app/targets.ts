/**
 * From what the editor picked (a scope in the target bar) to core targets, and the target bar's
 * summaries with counts, durations, the track each shot will land on (the planner's answer, so chips
 * and plan agree) and a reason when a scope cannot be used right now.
 */
import {
  detectPlaceholders,
  holeAt,
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
import { planPlacements, type Target } from "../core/plan";
import type { SequenceSnapshot } from "../core/timeline";
import { snapToFrame, ticksToSeconds } from "../core/time";
import type { GenerateRequest, TargetScope, TargetSummary } from "./api";
import { NothingToDo } from "./notices";
import { rangeView, trackLabel } from "./views";

export function placeholderRules(patterns: readonly string[]): PlaceholderRules {
  return { ...DEFAULT_PLACEHOLDER_RULES, namePatterns: [...patterns] };
}

/**
 * Placeholders the editor made: a clip Cutaway generated (known by its provenance, whatever its
 * name) is never one, so a replace never re-bills its own result. Draft slates count only when the
 * editor asks to upgrade drafts.
 */
export function editorPlaceholders(s: SequenceSnapshot, rules: PlaceholderRules) {
  return detectPlaceholders(s, { ...rules, includeSlates: false }).filter((p) => !p.clip.provenance);
}

export function draftSlates(s: SequenceSnapshot) {
  return detectPlaceholders(s, { ...DEFAULT_PLACEHOLDER_RULES, namePatterns: [], mediaKinds: [], labelIndices: [], includeSlates: true }).filter((p) => p.clip.provenance?.slate === true);
}

const LABELS: Record<TargetScope, string> = {
  playhead: "Gap at playhead",
  inout: "In to out",
  selection: "Selected clips",
  "all-gaps": "All gaps",
  "track-gaps": "Gaps on a track",
  markers: "Markers",
  placeholders: "Placeholders",
  drafts: "Upgrade drafts",
  script: "Script",
};

/** The targets for a request, before planning. Empty means "nothing to do" with a reason. */
export function targetsFor(s: SequenceSnapshot, r: Pick<GenerateRequest, "scope" | "trackIndex" | "markerColorIndex" | "shots" | "destination">, rules: PlaceholderRules, prompt = ""): Target[] {
  switch (r.scope) {
    case "playhead": {
      // only a hole: a range over picture is not a gap, and the chip must not offer one
      if (!holeAt(s, snapToFrame(s.playhead, s.rate, "floor"))) throw new NothingToDo("The playhead is over picture, not in a gap. Move it into a gap, or use In to out or Selected clips for B-roll.");
      return [targetFromPlayhead(s, Math.round(Number(s.rate.num) / Number(s.rate.den)) * 2, prompt)];
    }
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
      const t = targetsFromPlaceholders(s, editorPlaceholders(s, rules), prompt);
      if (!t.length) throw new NothingToDo("No placeholders found. Name clips PLACEHOLDER, TBD or SHOT 12, or change the rules in Settings.");
      return t;
    }
    case "drafts": {
      const t = targetsFromPlaceholders(s, draftSlates(s), prompt);
      if (!t.length) throw new NothingToDo("No draft slates on the sequence. Draft with slates first; upgrading turns them into generated shots.");
      return t;
    }
    case "script":
      throw new NothingToDo("Script shots are planned from the shot list; break the script down first.");
  }
}

/** The target bar: one summary per scope, computed from one snapshot. */
export function targetSummaries(s: SequenceSnapshot, rules: PlaceholderRules): TargetSummary[] {
  const scopes: TargetScope[] = ["playhead", "inout", "selection", "all-gaps", "placeholders", "drafts", "markers"];
  return scopes.map((scope) => {
    try {
      const targets = targetsFor(s, { scope }, rules);
      const total = targets.reduce((n, t) => n + (t.range.end - t.range.start), 0n);
      const shown = targets.slice(0, 200);
      const lands = landingTracks(s, shown);
      return {
        scope,
        label: LABELS[scope],
        count: targets.length,
        totalSeconds: Math.round(ticksToSeconds(total) * 10) / 10,
        items: shown.map((t) => ({ ...rangeView(s, t.id, itemLabel(t, LABELS[scope]), t.range, 0), trackName: lands.get(t.id) ?? "no free track" })),
        available: true,
      };
    } catch (e) {
      return { scope, label: LABELS[scope], count: 0, totalSeconds: 0, items: [], available: false, reason: e instanceof NothingToDo ? e.message : "Not available." };
    }
  });
}

/** The words shown beside a range: a marker note or what the range replaces, never a neighbour's file name. */
function itemLabel(t: Target, fallback: string): string {
  const note = (t.context ?? []).find((c) => !/^(after|before) "/.test(c));
  return note ?? fallback;
}

/**
 * Where each target's shot will land, asked of the planner itself (locked tracks skipped, one new
 * track on top), so the chip, the plan and the result name the same track.
 */
export function landingTracks(s: SequenceSnapshot, targets: readonly Target[]): Map<string, string> {
  const plan = planPlacements(s, targets, { durationsSeconds: [], minSeconds: 0, aspects: [], sizes: [], fps: null, maxPromptChars: 1 }, { split: false });
  return new Map(plan.placements.map((p) => [p.targetId, trackLabel(s, p.trackIndex)]));
}

