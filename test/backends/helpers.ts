/** What every backend test does the same way: read a download, catch a typed error, poll to the end. */
import { GenerationError } from "../../src/backends/errors";
import type { GenerationBackend, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";

export async function bytesOf(dl: MediaDownload): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of dl.chunks) parts.push(c);
  return Buffer.concat(parts);
}

/** The GenerationError a call ends in; anything else (or success) fails the test. */
export async function caught(p: Promise<unknown>): Promise<GenerationError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GenerationError) return e;
    throw e;
  }
  throw new Error("expected a GenerationError");
}

/** Every status until the job completes or fails (bounded: a fake that never finishes fails the test). */
export async function pollUntilDone(backend: GenerationBackend, ref: JobRef, max = 10): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  for (let i = 0; i < max; i++) {
    const st = await backend.status(ref);
    seen.push(st);
    if (st.state === "completed" || st.state === "failed") return seen;
  }
  throw new Error("never finished");
}
