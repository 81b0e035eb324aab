/**
 * A job's life in one place: which state may follow which. The engine, the journal replay and the
 * app all go through `canMove`, so "states only move forward" is checked here and nowhere else.
 * The two ways back are the editor's own: Retry (failed → planned/submitted) and Place again after
 * an Undo took the clip away (placed → downloaded).
 */
import type { JobState } from "./jobRecord";

const NEXT: Readonly<Record<JobState, readonly JobState[]>> = {
  planned: ["submitting", "failed"],
  // a re-sent create is journaled as submitting again; reconciliation may find it never arrived
  submitting: ["submitting", "submitted", "planned", "failed"],
  submitted: ["submitted", "running", "ready", "failed"],
  running: ["running", "ready", "failed"],
  // download attempts are counted in place
  ready: ["ready", "downloaded", "failed"],
  downloaded: ["placed"],
  placed: ["downloaded"],
  failed: ["planned", "submitted", "failed"],
};

export function canMove(from: JobState, to: JobState): boolean {
  return NEXT[from].includes(to);
}

/** A move the table forbids: a bug or a stale writer, never written to the journal. */
export class IllegalTransition extends Error {
  constructor(
    readonly jobId: string,
    readonly from: JobState,
    readonly to: JobState,
  ) {
    super(`Job ${jobId} cannot go from ${from} to ${to}.`);
    this.name = "IllegalTransition";
  }
}
