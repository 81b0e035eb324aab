/** One shot of Veo 3.1 Fast on fal, as the engine's fault tests queue it ($0.10 per second). */
import type { JobSpec } from "../../src/jobs/engine";

export function falShot(durationSeconds = 8): JobSpec {
  return {
    id: "r1-s1-t1",
    requestId: "r1",
    shotId: "s1",
    take: 1,
    name: "Cutaway 001 – harbour",
    backend: "fal",
    request: { model: "fal-ai/veo3.1/fast", prompt: "harbour", durationSeconds, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: 1 },
    estimateUsd: Math.round(durationSeconds * 0.1 * 100) / 100,
  };
}
