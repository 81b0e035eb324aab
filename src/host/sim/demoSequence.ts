/**
 * The demo sequence the workbench opens and `npm start` analyses: two minutes at 23.976 (3 video tracks) with the
 * situations an editor meets — a 17-frame flash gap, a 2 s gap, a 9.5 s hole, a 31 s hole longer
 * than any model's clip, a `PLACEHOLDER – …` clip, a colour matte and a `SHOT 14` slug, a protected title, a locked track,
 * marker notes to prompt from, the playhead parked in a hole and an in/out around the long one.
 */
import { RATES } from "../../core/time";
import { snapshotBuilder, type SequenceSnapshot } from "../../core/timeline";

export const DEMO_SEQUENCE_NAME = "Harbour Story – rough cut";

export function demoSequence(): SequenceSnapshot {
  return snapshotBuilder(RATES.fps23_976, DEMO_SEQUENCE_NAME)
    .frameSize(1920, 1080)
    .track(
      [
        { at: 0, len: 240, name: "Harbour_Wide_Dawn.mov" },
        // 17-frame flash gap
        { at: 257, len: 480, name: "Interview_Anna_01.mov" },
        // 2 s gap (48 frames)
        { at: 785, len: 144, name: "SHOT 14", media: null, kind: "slug" },
        { at: 929, len: 480, name: "Interview_Anna_02.mov" },
        // 9.5 s hole (228 frames)
        { at: 1637, len: 120, name: "Color Matte", media: null, kind: "colorMatte" },
        { at: 1757, len: 120, name: "PLACEHOLDER – drone over city", media: "/media/placeholder_drone.mov" },
        { at: 1877, len: 240, name: "Market_Walk.mov" },
        // 31 s hole (744 frames)
        { at: 2861, len: 24, name: "Outro_Sunset.mov" },
      ],
      { name: "A-roll" },
    )
    .track([{ at: 300, len: 120, name: "Lower third – Anna Berg", media: null, kind: "title" }], { name: "Titles" })
    .track([], { name: "Locked reference", locked: true })
    .audio(2)
    .marker({ at: 785, len: 144, name: "Drone", comments: "Drone shot rising over the harbour wall", color: 1 })
    .marker({ at: 1409, len: 228, name: "B-roll", comments: "Fishing boats unloading at first light", color: 3 })
    .marker({ at: 2117, name: "Market", comments: "Old town market, stalls opening, warm light", color: 3 })
    .playhead(1500)
    .inOutFrames(2117, 2861)
    .build();
}
