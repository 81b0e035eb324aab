/**
 * Questions about one track's clips, answered with as few host calls as possible: track items come
 * in timeline order, so a binary search over their start/end times finds a slot in O(log n) reads,
 * and a hint from the last snapshot usually makes it O(1).
 */
import type { TickRange, Ticks } from "../../core/time";
import type { PVideoClipTrackItem } from "./premiereApi";
import { ticksOf } from "./tickTime";

/** First index whose clip ends after `at`. */
export async function firstEndingAfter(items: readonly PVideoClipTrackItem[], at: Ticks): Promise<number> {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ticksOf(await items[mid]!.getEndTime()) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is `r` empty on a track? Checks the hinted slot first (two reads), searches only if the hint is stale. */
export async function rangeFree(items: readonly PVideoClipTrackItem[], r: TickRange, hint: number | null): Promise<boolean> {
  const slotFree = async (k: number): Promise<boolean> =>
    (k === 0 || ticksOf(await items[k - 1]!.getEndTime()) <= r.start) && (k === items.length || ticksOf(await items[k]!.getStartTime()) >= r.end);
  if (hint !== null && hint >= 0 && hint <= items.length && (await slotFree(hint))) return true;
  const k = await firstEndingAfter(items, r.start);
  return k === items.length || ticksOf(await items[k]!.getStartTime()) >= r.end;
}

export async function itemStartingAt(items: readonly PVideoClipTrackItem[], at: Ticks, hint: number | null): Promise<PVideoClipTrackItem | null> {
  if (hint !== null && items[hint] && ticksOf(await items[hint].getStartTime()) === at) return items[hint];
  const k = await firstEndingAfter(items, at);
  const it = items[k];
  return it && ticksOf(await it.getStartTime()) === at ? it : null;
}

/** Nothing on the track ends after `at`: a still's default duration laid down there can cut nothing. */
export async function clearAfter(items: readonly PVideoClipTrackItem[], at: Ticks): Promise<boolean> {
  const last = items[items.length - 1];
  return !last || ticksOf(await last.getEndTime()) <= at;
}
