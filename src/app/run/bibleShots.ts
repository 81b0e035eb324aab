/**
 * The bible meets the plan: per placement, the entries its shot names (characters in the cue or
 * action, the scene heading's place, every-shot looks), their descriptions written into the prompt
 * word for word, and the best references the model takes. What the model cannot take is said on the
 * plan row ("text descriptions only"), never dropped in silence.
 */
import { describePrompt, indexBible, pickReferences, type Bible, type BibleIndex, type NamingShot, type PickedReference } from "../../bible";
import type { ModelCapabilities } from "../../backends/types";
import type { Placement } from "../../core/plan";
import type { GenerateRequest, ShotDraft } from "../api";

export interface ShotBible {
  /** names of the entries the shot used (provenance, Jobs row) */
  readonly entries: readonly string[];
  readonly references: readonly PickedReference[];
  /** one line for the plan row */
  readonly note: string;
}

export interface BibledPlacements {
  readonly placements: Placement[];
  readonly byPlacement: ReadonlyMap<string, ShotBible>;
  readonly warnings: string[];
}

/** the index is cached per bible object: a 1,500-shot preview on every keystroke builds it once */
const indexes = new WeakMap<Bible, BibleIndex>();

function indexOf(bible: Bible): BibleIndex {
  let i = indexes.get(bible);
  if (!i) indexes.set(bible, (i = indexBible(bible)));
  return i;
}

export function attachBible(placements: readonly Placement[], r: GenerateRequest, model: ModelCapabilities, bible: Bible | null): BibledPlacements {
  if (!bible || !bible.entries.length) return { placements: [...placements], byPlacement: new Map(), warnings: [] };
  const shots = new Map<string, ShotDraft>();
  for (const s of r.shots ?? []) {
    shots.set(`script-${s.id}`, s);
    shots.set(`words-${s.id}`, s);
  }
  // continuity frames pin a shot: a model that cannot take references beside them gets none
  // a dry run previews exactly what Generate will send; drafts are slates, which take no references
  const live = r.mode !== "draft";
  const framed = (r.continuity || r.animate === true) && model.imageToVideo && r.kind !== "script-to-cut" && live;
  return bibleFor(placements, model, bible, {
    live,
    framed: () => framed,
    // the prompt is what is sent (the shot's words, or the editor's edit of them): names are read from it
    shotOf: (p) => {
      const shot = shots.get(p.targetId);
      return shot ? { text: p.prompt, characters: shot.characters ?? [], location: shot.location ?? null } : { text: p.prompt };
    },
  });
}

export interface BibleOptions {
  /** false for slates: descriptions only, no references */
  readonly live: boolean;
  /** the shot is pinned by a first or last frame */
  readonly framed: (p: Placement) => boolean;
  /** what the shot offers for naming entries */
  readonly shotOf: (p: Placement) => NamingShot;
}

/** Per placement: descriptions into the prompt, the best references the model takes, the plan-row note. */
export function bibleFor(placements: readonly Placement[], model: ModelCapabilities, bible: Bible | null, o: BibleOptions): BibledPlacements {
  const byPlacement = new Map<string, ShotBible>();
  if (!bible || !bible.entries.length) return { placements: [...placements], byPlacement, warnings: [] };
  const idx = indexOf(bible);
  const support = o.live ? model.references : undefined;
  const warnings = new Set<string>();
  // the shortest length the model takes references in that covers the shot, worked out once per length
  const longerOf = new Map<number, number | undefined>();
  const sortedRefSeconds = support?.durationsSeconds ? [...support.durationsSeconds].sort((a, b) => a - b) : null;
  const longer = (seconds: number): number | undefined => {
    if (!sortedRefSeconds) return seconds;
    if (!longerOf.has(seconds)) longerOf.set(seconds, sortedRefSeconds.find((d) => d >= seconds && model.durationsSeconds.includes(d)));
    return longerOf.get(seconds);
  };
  const out = placements.map((p) => {
    const named = idx.named(o.shotOf(p));
    if (!named.length) return p;
    const described = describePrompt(p.prompt, named, model.maxPromptChars);
    if (described.dropped.length) warnings.add(`Some bible descriptions (${described.dropped.join(", ")}) did not fit ${model.label}'s ${model.maxPromptChars}-character prompt limit.`);
    let generationSeconds = p.generationSeconds;
    let refs: PickedReference[] = [];
    let why = "";
    if (!support || support.max <= 0) why = `${model.label} takes no reference images: text descriptions only`;
    else if (o.framed(p) && !support.withFrames) why = `continuity frames pin this shot, and ${model.label} takes no references beside them: text descriptions only`;
    else if (support.aspects && !support.aspects.includes(p.aspect)) why = `${model.label} takes references only for ${support.aspects.join(", ")} video: text descriptions only`;
    else {
      const withRefs = longer(p.generationSeconds);
      if (withRefs === undefined) why = `${model.label} takes references only in ${support.durationsSeconds!.join(", ")} s clips: text descriptions only`;
      else {
        refs = pickReferences(named, support);
        // rendered longer and trimmed to the range: the references are worth the extra seconds
        if (refs.length) generationSeconds = withRefs;
      }
    }
    const names = named.map((e) => e.name);
    const note = refs.length
      ? `Bible: ${names.join(", ")} · ${refs.length} reference${refs.length === 1 ? "" : "s"} (${[...new Set(refs.map((x) => x.name))].join(", ")})${generationSeconds !== p.generationSeconds ? `, rendered at ${generationSeconds} s` : ""}`
      : `Bible: ${names.join(", ")}${why ? ` · ${why}` : named.some((e) => e.references.length) ? "" : " · no reference images yet: text descriptions only"}`;
    byPlacement.set(p.id, { entries: names, references: refs, note });
    return { ...p, prompt: described.prompt, generationSeconds };
  });
  return { placements: out, byPlacement, warnings: [...warnings] };
}
