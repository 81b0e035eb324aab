/**
 * No limit per request was a way to spend without meaning to: a 24-hour gap made 1,440 shots and a
 * 1,000,000-second script shot previewed as 16,674 placements. Shots per request and each shot's
 * length are capped, and the editor is told so in a sentence.
 */
import type { GenerateRequest, ShotDraft } from "../../src/app/api";
import { MAX_SHOT_SECONDS, MAX_SHOTS_PER_REQUEST } from "../../src/app/run/planRequest";
import { RATES } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { appRig } from "./appRig";

const fill: GenerateRequest = { kind: "fill-gaps", scope: "all-gaps", prompt: "harbour at dawn", stylePreset: "none", backend: "fake", model: "m", takes: 1, continuity: false, placement: "all-at-once", mode: "generate" };

const shot = (i: number, durationSeconds: number): ShotDraft => ({ id: `s${i}`, number: i, text: `Shot ${i}`, prompt: `Harbour, shot ${i}`, negativePrompt: "", durationSeconds });

test("a 24-hour gap is refused with a sentence, before anything is planned or sent", async () => {
  const day = Math.round(24 * 3600 * 23.976);
  const seq = snapshotBuilder(RATES.fps23_976, "Long gap")
    .frameSize(1920, 1080)
    .track([{ at: 0, len: 240, name: "A.mov" }, { at: 240 + day, len: 240, name: "B.mov" }], { name: "A-roll" })
    .build();
  const rig = await appRig(seq);
  const t0 = Date.now();
  await expect(rig.app.preview(fill)).rejects.toThrow(new RegExp(`would make 10,800 shots in one request; Cutaway makes at most ${MAX_SHOTS_PER_REQUEST} at a time\\. Set In and Out`));
  expect(Date.now() - t0).toBeLessThan(2_000);
  await expect(rig.app.run(fill, { confirmed: true })).rejects.toThrow(/at most 200/);
  expect(rig.backends.get("fake")!.calls.create).toBe(0);
  expect(rig.app.getState().notices.some((n) => n.level === "error" && /at most 200/.test(n.message))).toBe(true);
  await rig.app.dispose();
});

test("a script shot of 1,000,000 s is cut to the longest a shot may be, and the preview says so; a shot with no length is refused", async () => {
  const rig = await appRig(demoSequence());
  const script: GenerateRequest = { ...fill, kind: "script-to-cut", scope: "script", destination: "new-sequence", sequenceName: "Long shot", shots: [shot(1, 4), shot(2, 1e6)] };
  const preview = await rig.app.preview(script);
  // 4 s, then 60 s split into the model's 8 s clips
  expect(preview.items.length).toBe(1 + Math.ceil(MAX_SHOT_SECONDS / 8));
  expect(preview.warnings).toContain(`Shot 2 asked for 1,000,000 s; Cutaway makes it ${MAX_SHOT_SECONDS} s, the longest one shot may be. Split it into shorter shots for more.`);
  await expect(rig.app.preview({ ...script, shots: [shot(1, Number.NaN)] })).rejects.toThrow(/Shot 1 has no usable length/);
  // a rough cut lists its shots one by one: a feature's 250 are one request, more than a feature's are not
  expect((await rig.app.preview({ ...script, shots: Array.from({ length: 250 }, (_, i) => shot(i + 1, 4)) })).items).toHaveLength(250);
  await expect(rig.app.preview({ ...script, shots: Array.from({ length: 2_001 }, (_, i) => shot(i + 1, 4)) })).rejects.toThrow(/would make 2,001 shots in one request; Cutaway makes at most 2,000/);
  await rig.app.dispose();
});
