/**
 * The stand-in as JSON: seed it from a description an editor can read (frames, a rate like "23.976")
 * and dump what it holds (ticks as strings, with timecodes), so tests and the workbench show exactly
 * what happened to the sequence.
 */
import { z } from "zod";
import { InvalidInputError } from "../../core/errors";
import { parseRate, rateFromTimebase, ticksToTimecode } from "../../core/time";
import { snapshotBuilder } from "../../core/timeline";
import { stateFromSnapshot } from "./seed";
import type { SimState } from "./simModel";

const kinds = ["video", "still", "colorMatte", "slug", "bars", "title", "graphic", "adjustment"] as const;

export const sequenceDescriptionSchema = z.object({
  name: z.string().min(1).max(200),
  rate: z.string().max(20),
  frameSize: z.object({ width: z.number().int().min(16).max(16384), height: z.number().int().min(16).max(16384) }).optional(),
  tracks: z
    .array(
      z.object({
        name: z.string().max(100).optional(),
        locked: z.boolean().optional(),
        clips: z
          .array(
            z.object({
              at: z.number().int().min(0),
              len: z.number().int().min(1),
              name: z.string().max(300).optional(),
              media: z.string().max(2000).nullable().optional(),
              kind: z.enum(kinds).optional(),
              enabled: z.boolean().optional(),
              selected: z.boolean().optional(),
            }),
          )
          .max(200_000),
      }),
    )
    .max(99),
  markers: z.array(z.object({ at: z.number().int().min(0), len: z.number().int().min(0).optional(), name: z.string().max(300).optional(), comments: z.string().max(10_000).optional(), color: z.number().int().min(0).max(15).optional() })).max(10_000).optional(),
  playhead: z.number().int().min(0).optional(),
  inOut: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  audioTracks: z.number().int().min(0).max(99).optional(),
});

export type SequenceDescription = z.infer<typeof sequenceDescriptionSchema>;

/** Seeds a stand-in state from a JSON description; a bad description is a typed error naming the field. */
export function stateFromDescription(json: unknown): SimState {
  const parsed = sequenceDescriptionSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError("bad_sequence_description", `The sequence description is not valid at ${issue.path.join(".") || "(top)"}: ${issue.message}.`);
  }
  const d = parsed.data;
  const b = snapshotBuilder(parseRate(d.rate), d.name);
  if (d.frameSize) b.frameSize(d.frameSize.width, d.frameSize.height);
  for (const t of d.tracks) b.track(t.clips.map((c) => ({ ...c, ...(c.media === undefined ? {} : { media: c.media }) })), { ...(t.name ? { name: t.name } : {}), locked: t.locked ?? false });
  for (const m of d.markers ?? []) b.marker(m);
  if (d.playhead !== undefined) b.playhead(d.playhead);
  if (d.inOut) b.inOutFrames(d.inOut[0], d.inOut[1]);
  if (d.audioTracks !== undefined) b.audio(d.audioTracks);
  return stateFromSnapshot(b.build());
}

/** A readable dump: ticks as strings, with timecodes, for assertions and the workbench's timeline view. */
export function dumpState(state: SimState): unknown {
  return {
    activeSequence: state.activeGuid,
    sequences: state.sequences.map((s) => {
      const rate = rateFromTimebase(s.ticksPerFrame.toString());
      const tc = (t: bigint): string => ticksToTimecode(t, rate);
      return {
        guid: s.guid,
        name: s.name,
        rate: `${rate.num}/${rate.den}`,
        frameSize: { width: s.width, height: s.height },
        playhead: tc(s.playhead),
        tracks: s.tracks.map((t, i) => ({
          track: `V${i + 1}`,
          name: t.name,
          locked: t.locked,
          clips: t.clips.map((c) => ({ name: c.name, start: tc(c.start), end: tc(c.end), startTicks: c.start.toString(), endTicks: c.end.toString(), disabled: c.disabled, item: c.itemId })),
        })),
        markers: s.markers.map((m) => ({ name: m.name, comments: m.comments, start: tc(m.start) })),
      };
    }),
    bins: state.items.filter((i) => i.kind === "bin").map((b) => ({ name: b.name, items: state.items.filter((i) => i.parentId === b.id).map((i) => i.name) })),
  };
}


/** Full-fidelity state for saving the stand-in between page loads (bigints tagged as strings). */
export function serializeState(state: SimState): string {
  return JSON.stringify(state, (_k, v: unknown) => (typeof v === "bigint" ? { $big: v.toString() } : v));
}

export function deserializeState(text: string): SimState {
  return JSON.parse(text, (_k, v: unknown) => (v && typeof v === "object" && "$big" in v && typeof (v as { $big: unknown }).$big === "string" ? BigInt((v as { $big: string }).$big) : v)) as SimState;
}
