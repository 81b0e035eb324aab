/** Test helpers: a stand-in Premiere seeded from a builder snapshot, driven through the real adapter. */
import type { ResolvedPlacement } from "../../src/app/ports";
import { CUTAWAY_BIN } from "../../src/app/run/placer";
import type { GenerationLimits, Placement } from "../../src/core/plan";
import type { SequenceSnapshot } from "../../src/core/timeline";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { createPremiereSim, type PremiereSimOptions } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";

export const LIMITS: GenerationLimits = {
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9"],
  sizes: [{ width: 1280, height: 720, aspect: "16:9" }],
  fps: 24,
  maxPromptChars: 500,
};

export function standIn(s: SequenceSnapshot, options: PremiereSimOptions = {}) {
  const sim = createPremiereSim(stateFromSnapshot(s), options);
  // the adapter's sleeps move the stand-in's clock: late imports and frame files appear with no real waiting
  const host = new PremiereEditorHost(sim.module, { sleep: (ms) => sim.clock.sleep(ms) });
  return { sim, host };
}

export function resolved(placements: readonly Placement[], opts: { dir?: string; ext?: string; slate?: boolean } = {}): ResolvedPlacement[] {
  return placements.map((p) => ({
    ...p,
    mediaPath: `${opts.dir ?? "/projects/Demo/Cutaway Media"}/shot-${String(p.shotNumber).padStart(3, "0")}.${opts.ext ?? "mp4"}`,
    provenance: { prompt: p.prompt, backend: opts.slate ? "slate" : "fake", model: "m1", jobId: `job-${p.id}`, seed: 7, createdAt: "2026-11-25T10:00:00.000Z", slate: opts.slate ?? false, shotId: p.id },
    labelIndex: 5,
  }));
}

export async function land(host: PremiereEditorHost, items: readonly ResolvedPlacement[], undoName: string) {
  await host.importMedia(items.map((r) => r.mediaPath), CUTAWAY_BIN);
  return host.applyPlacements(items, undoName);
}

/** The editor's own clips (not Cutaway's), as what must never move: start/end/in/out/enabled. */
export function editorClips(s: SequenceSnapshot): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of s.videoTracks) for (const c of t.clips) if (!c.provenance) m.set(`${c.trackIndex}:${c.name}:${c.start}`, `${c.end}|${c.inPoint}|${c.outPoint}|${c.enabled}`);
  return m;
}

/** Every clip of `before` is still there, unchanged, except the ids listed as disabled on purpose. */
export function expectUntouched(before: SequenceSnapshot, after: SequenceSnapshot, disabledOnPurpose: ReadonlySet<string> = new Set()): void {
  const now = new Map<string, { end: bigint; inPoint: bigint; outPoint: bigint; enabled: boolean }>();
  for (const t of after.videoTracks) for (const c of t.clips) now.set(c.id, c);
  for (const t of before.videoTracks) {
    for (const c of t.clips) {
      const a = now.get(c.id);
      expect({ id: c.id, end: a?.end, inPoint: a?.inPoint, outPoint: a?.outPoint, enabled: a?.enabled }).toEqual({
        id: c.id,
        end: c.end,
        inPoint: c.inPoint,
        outPoint: c.outPoint,
        enabled: disabledOnPurpose.has(c.id) ? false : c.enabled,
      });
    }
  }
}

/** Undoes the steps Cutaway's last action left on top of the undo stack (its edit steps and the prep); answers their names. */
export function undoCutaway(core: { undoStack: readonly { name: string }[]; undo(): string | null }, undoName: string): string[] {
  const names: string[] = [];
  while (core.undoStack.length && [undoName, "Cutaway: prepare media"].includes(core.undoStack.at(-1)!.name)) names.push(core.undo()!);
  return names;
}

/** Every clip of the editor's on every track, video and audio, as it must stay at every moment. */
export function watchEditorClips(sim: { core: { state: import("../../src/host/sim/simModel").SimState; afterEachAction: ((d: import("../../src/host/sim/simModel").SimState, label: string) => void) | null } }): string[] {
  const violations: string[] = [];
  const key = (c: { start: bigint; end: bigint; inPoint: bigint; outPoint: bigint }): string => `${c.start}-${c.end}|${c.inPoint}-${c.outPoint}`;
  const clipsOf = (st: import("../../src/host/sim/simModel").SimState) =>
    st.sequences.flatMap((s) => [...s.tracks.map((t, i) => ({ t, name: `V${i + 1}` })), ...(s.audioTracks ?? []).map((t, i) => ({ t, name: `A${i + 1}` }))].flatMap(({ t, name }) => t.clips.map((c) => ({ c, where: `${s.guid}/${name}` }))));
  const editor = new Map(clipsOf(sim.core.state).map(({ c, where }) => [c.uid, `${where} ${key(c)}`]));
  sim.core.afterEachAction = (draft, label) => {
    const now = new Map(clipsOf(draft).map(({ c, where }) => [c.uid, `${where} ${key(c)}`]));
    for (const [uid, was] of editor) if (now.get(uid) !== was) violations.push(`${label}: editor clip ${was} became ${now.get(uid) ?? "(gone)"}`);
  };
  return violations;
}
