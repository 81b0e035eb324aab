/**
 * Shots of one plan that arrive in separate batches share the one new track the plan named: the
 * second batch finds the track the first one added (its range still free there) instead of adding
 * another, so an as-they-arrive run never leaves V2, V3, V4… one per shot.
 */
import { targetsFromSelection } from "../../src/core/analysis";
import { planPlacements } from "../../src/core/plan";
import { RATES } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { expectUntouched, land, LIMITS, resolved, standIn } from "./helpers";

it("a plan's new-track shots placed in three batches land on one new track", async () => {
  const seq = snapshotBuilder(RATES.fps24, "Interview")
    .track([{ at: 0, len: 96, name: "Anna", selected: true }, { at: 96, len: 96, name: "Ben", selected: true }, { at: 192, len: 96, name: "Cleo", selected: true }])
    .build();
  const { host } = standIn(seq);
  const before = await host.snapshot();
  const plan = planPlacements(before, targetsFromSelection(before, "harbour at dawn"), LIMITS);
  expect(plan.placements.map((p) => [p.newTrack, p.trackIndex])).toEqual([[true, 1], [true, 1], [true, 1]]);
  const items = resolved(plan.placements);
  for (const one of items) {
    const r = await land(host, [one], "Cutaway: B-roll, 1 shot");
    expect(r.refused).toEqual([]);
  }
  const after = await host.snapshot();
  expectUntouched(before, after);
  expect(after.videoTracks).toHaveLength(2);
  expect(after.videoTracks[1]!.clips.map((c) => c.start)).toEqual(before.videoTracks[0]!.clips.map((c) => c.start));
});
