/**
 * A new sequence for a rough cut, the way the editor's is: `createSequence` uses the default preset
 * and leaves the old sequence active, so Cutaway copies the frame rate and size from the editor's
 * sequence, makes the new one active, and confirms both before anything is planned onto it.
 */
import { HostError } from "../../app/hostError";
import type { PProject, PremiereModule } from "./premiereApi";

export async function createMatchingSequence(ppro: PremiereModule, project: PProject, name: string): Promise<string> {
  const from = await project.getActiveSequence();
  const settings = from ? await from.getSettings() : null;
  const rate = settings?.getVideoFrameRate() ?? null;
  const rect = settings ? await settings.getVideoFrameRect() : null;
  const [timebase, size] = from ? await Promise.all([from.getTimebase(), from.getFrameSize()]) : [null, null];
  const seq = await project.createSequence(name);
  if (!seq) throw new HostError("sequence_failed", `Premiere could not create the sequence "${name}".`);
  if (rate && rect) {
    const s = await seq.getSettings();
    const set = s.setVideoFrameRate(rate) && (await s.setVideoFrameRect(rect));
    let ok = false;
    if (set) {
      project.lockedAccess(() => {
        ok = project.executeTransaction((c) => void c.addAction(seq.createSetSettingsAction(s)), `Cutaway: new sequence "${name}"`);
      });
    }
    if (!ok) throw new HostError("sequence_failed", `Premiere made the sequence "${name}" but would not give it your sequence's frame rate and size. Set them in Sequence Settings, then run again.`);
  }
  // open it in a Timeline panel, then make it the active one: createSequence does neither
  await project.openSequence(seq);
  await project.setActiveSequence(seq);
  const active = await project.getActiveSequence();
  const guid = seq.guid.toString();
  if (!active || active.guid.toString() !== guid) throw new HostError("sequence_failed", `Premiere made the sequence "${name}" but did not open it. Open it in the Timeline panel and run again.`);
  if (timebase !== null && size) {
    const [tb, fs] = await Promise.all([active.getTimebase(), active.getFrameSize()]);
    if (tb !== timebase || Math.round(fs.width) !== Math.round(size.width) || Math.round(fs.height) !== Math.round(size.height)) {
      throw new HostError("sequence_failed", `The new sequence "${name}" does not have your sequence's frame rate and size. Check its Sequence Settings and run again.`);
    }
  }
  return guid;
}
