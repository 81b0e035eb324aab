/**
 * Through the app, shots placed as they arrive share the one new track their plan named: a run that
 * needs a track above a full V1 adds V2 once. (Shots finishing close together are gathered into one
 * batch; test/host/newTrackBatches.test.ts places one plan in separate batches.)
 */
import type { GenerateRequest } from "../../src/app/api";
import { RATES } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { expectUntouched } from "../host/helpers";
import { appRig, settle } from "./appRig";

const base: GenerateRequest = { kind: "broll", scope: "selection", prompt: "harbour at dawn", stylePreset: "none", backend: "fake", model: "m", takes: 1, continuity: false, placement: "as-they-arrive", mode: "generate" };

it("three B-roll shots placed as they arrive land on one new track above the interview", async () => {
  const seq = snapshotBuilder(RATES.fps24, "Interview")
    .track([{ at: 0, len: 96, name: "Anna", selected: true }, { at: 96, len: 96, name: "Ben", selected: true }, { at: 192, len: 96, name: "Cleo", selected: true }])
    .build();
  const rig = await appRig(seq, { renderMs: 20_000, concurrency: 1 });
  await rig.app.saveSettings({ placement: "as-they-arrive" });
  const before = await rig.host.snapshot();
  const { requestId, preview } = await rig.app.run(base, { confirmed: true });
  expect(preview.items.map((i) => i.trackName)).toEqual(["V2 (new)", "V2 (new)", "V2 (new)"]);
  await settle(rig, requestId);
  const after = await rig.host.snapshot();
  expectUntouched(before, after);
  expect(after.videoTracks).toHaveLength(2);
  expect(after.videoTracks[1]!.clips.map((c) => c.start)).toEqual(before.videoTracks[0]!.clips.map((c) => c.start));
  await rig.app.dispose();
});
