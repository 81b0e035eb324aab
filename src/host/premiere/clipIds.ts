/**
 * Premiere track items have no stable id, so a clip is named by where it is: track and start tick.
 * The id stays valid as long as the clip does not move — exactly as long as a plan made on it is valid.
 */
import type { Ticks } from "../../core/time";

export function clipIdAt(trackIndex: number, start: Ticks): string {
  return `v${trackIndex + 1}@${start}`;
}

export function parseClipId(id: string): { trackIndex: number; start: Ticks } | null {
  const m = /^v(\d+)@(-?\d+)$/.exec(id);
  return m ? { trackIndex: Number(m[1]) - 1, start: BigInt(m[2]!) } : null;
}
