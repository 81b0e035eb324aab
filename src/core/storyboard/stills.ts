/**
 * Which clips on the sequence are storyboard stills: Cutaway's own (provenance) images from an image
 * model, enabled, in timeline order. A slate card is a draft too, but it is text on grey, not a frame
 * to animate from, so it is not one. A regenerated still stands for the shot of the still it replaced.
 */
import type { Clip, Provenance, SequenceSnapshot } from "../timeline";

export interface StoryboardStill {
  readonly clip: Clip;
  readonly mediaPath: string;
  readonly provenance: Provenance;
  /** the shot this still stands for (the first still's, through any regenerations) */
  readonly shotId?: string;
  readonly shotNumber?: number;
}

const IMAGE = /\.(png|jpe?g)$/i;

export function isStoryboardStill(c: Clip): boolean {
  return c.enabled && c.provenance !== undefined && c.provenance.backend !== "slate" && c.mediaPath !== null && IMAGE.test(c.mediaPath);
}

/** `shotNumberOf`: the number a still's own job gave its shot (the Jobs list's), when known */
export function storyboardStills(s: SequenceSnapshot, shotNumberOf: (p: Provenance) => number | undefined = () => undefined): StoryboardStill[] {
  const clips = s.videoTracks.flatMap((t) => t.clips);
  const byId = new Map(clips.map((c) => [c.id, c]));
  const origin = (c: Clip, depth: number): Clip => {
    // a replacement's shot id is its target's, "ph-<clip it replaced>"
    const replaced = c.provenance?.shotId?.startsWith("ph-") ? byId.get(c.provenance.shotId.slice(3).replace(/#\d+$/, "")) : undefined;
    return replaced?.provenance && depth < 50 ? origin(replaced, depth + 1) : c;
  };
  return clips
    .filter(isStoryboardStill)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.trackIndex - b.trackIndex))
    .map((c) => {
      const first = origin(c, 0);
      const p = first.provenance!;
      const shotNumber = shotNumberOf(p) ?? numberInName(first.name);
      return {
        clip: c,
        mediaPath: c.mediaPath!,
        provenance: c.provenance!,
        ...(p.shotId && !p.shotId.startsWith("ph-") ? { shotId: p.shotId } : {}),
        ...(shotNumber !== undefined ? { shotNumber } : {}),
      };
    });
}

/** "Cutaway 003 – Mara at the counter": the number the plan gave the shot */
function numberInName(name: string): number | undefined {
  const m = /^Cutaway (\d{1,6})\b/.exec(name);
  return m ? Number(m[1]) : undefined;
}
