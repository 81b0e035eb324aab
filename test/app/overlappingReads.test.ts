/**
 * The timeline is read from several places at once (a host event, the poll, a run's own read): a
 * read that started earlier and finishes later must never put the older timeline back on screen, or
 * a run planned right after would plan on it (a new rough-cut sequence looked "not active").
 */
import { demoSequence } from "../../src/host/sim/demoSequence";
import { appRig } from "./appRig";

test("an older timeline read that answers late never replaces a newer one", async () => {
  const rig = await appRig(demoSequence());
  const real = rig.host.snapshot.bind(rig.host);
  let release!: () => void;
  let taken!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const read = new Promise<void>((r) => (taken = r));
  rig.host.snapshot = async () => {
    const s = await real();
    taken();
    await held;
    return s;
  };
  const late = rig.app.refresh();
  await read;
  rig.host.snapshot = real;
  // the editor parks the playhead at 3 s while the first read is still on its way
  rig.sim.core.mutate((s) => void (s.sequences[0]!.playhead = 72n * 10_584_000_000n), "selection");
  await rig.app.refresh();
  const moved = rig.app.getState().sequence?.playheadTimecode;
  expect(moved).not.toBe("00:00:00:00");
  release();
  await late;
  expect(rig.app.getState().sequence?.playheadTimecode).toBe(moved);
  await rig.app.dispose();
});
