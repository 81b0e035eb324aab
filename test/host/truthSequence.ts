/**
 * A cut as editors hand it over: dialogue on V1 with its sound on A1–A2, a colour matte, a nested
 * sequence, a still, a placeholder, a title and an adjustment layer above — the clips that made the
 * adapter fail on real Premiere — with holes between them.
 */
import type { FrameRate } from "../../src/core/time";
import { snapshotBuilder, type SequenceSnapshot } from "../../src/core/timeline";

export function truthSequence(rate: FrameRate, name = "Truth cut"): SequenceSnapshot {
  return snapshotBuilder(rate, name)
    .frameSize(1920, 1080)
    .track(
      [
        { at: 0, len: 96, name: "Interview_A.mov" },
        // hole 96–120
        { at: 120, len: 72, name: "Color Matte", media: null, kind: "colorMatte" },
        { at: 192, len: 96, name: "Nested – opening", media: null, kind: "sequence" },
        // hole 288–336
        { at: 336, len: 48, name: "Still_Map.png", media: "/media/Still_Map.png", kind: "still" },
        { at: 384, len: 96, name: "Interview_B.mov", selected: true },
        // hole 480–540
        { at: 540, len: 48, name: "PLACEHOLDER – harbour", media: "/media/placeholder_harbour.mov" },
        { at: 588, len: 96, name: "Interview_C.mov" },
      ],
      { name: "A-roll" },
    )
    .track(
      [
        { at: 130, len: 48, name: "Title – Harbour", media: null, kind: "title" },
        { at: 300, len: 60, name: "Adjustment Layer", media: null, kind: "adjustment" },
      ],
      { name: "Graphics" },
    )
    .audio(2)
    .build();
}
