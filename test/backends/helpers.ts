/** What every backend test does the same way: read a download, catch a typed error, poll to the end. */
import { GenerationError } from "../../src/backends/errors";
import type { GenerationBackend, GenerationRequest, ImageInput, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";

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

/** A tiny stand-in for a continuity frame: PNG magic and one distinguishing byte. */
export function pngFrame(n: number): ImageInput {
  return { bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, n]), mimeType: "image/png" };
}

/** The shot most backend tests send: 8 s, 16:9 at 720p, shot 3. */
export function shotRequest(model: string, over: Partial<GenerationRequest> = {}): GenerationRequest {
  return { model, prompt: "Slow dolly across a rain-soaked neon street at night", durationSeconds: 8, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: 3, ...over };
}
