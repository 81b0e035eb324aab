/**
 * Generated audio has one home per sequence: a dedicated audio track named "Cutaway audio", made
 * by the first placement whose media has sound and reused by every later one. It is never one of
 * the editor's tracks (their dialogue sits there) and never a new track per apply.
 */
import type { PSequence } from "./premiereApi";

export const CUTAWAY_AUDIO_TRACK = "Cutaway audio";

export interface AudioTracks {
  readonly count: number;
  /** index of the Cutaway audio track, null until one exists */
  readonly cutaway: number | null;
}

export async function readAudioTracks(sequence: PSequence): Promise<AudioTracks> {
  const count = await sequence.getAudioTrackCount();
  for (let i = count - 1; i >= 0; i--) if ((await sequence.getAudioTrack(i)).name === CUTAWAY_AUDIO_TRACK) return { count, cutaway: i };
  return { count, cutaway: null };
}

/** Where generated audio goes: the Cutaway track, or the next index (a new track) while there is none. */
export function audioTarget(a: AudioTracks): number {
  return a.cutaway ?? a.count;
}
