/**
 * The Animate step priced beside the stills, on a video model that renders references only in 8 s
 * clips (as Veo 3.1 does): shots that name an entry with a reference are priced at 8 s, the others at
 * their own length, exactly as Animate's own plan will bill them.
 */
import type { GenerateRequest } from "../../src/app/api";
import { planRequest } from "../../src/app/run/planRequest";
import { addEntry, addReference, EMPTY_BIBLE } from "../../src/bible";
import type { BackendCapabilities, ModelCapabilities } from "../../src/backends/types";
import { snapshotBuilder } from "../../src/core/timeline/builder";
import { frameRate } from "../../src/core/time";

const base: ModelCapabilities = { id: "", label: "", durationsSeconds: [4, 6, 8], aspects: ["16:9"], sizes: [{ width: 1280, height: 720, aspect: "16:9" }], fps: 24, imageToVideo: true, lastFrame: false, negativePrompt: false, seed: false, maxPromptChars: 2000, pricePerSecondUsd: 0.5 };
const caps: BackendCapabilities = {
  backend: "studio",
  label: "Studio",
  needsKey: false,
  canListJobs: true,
  concurrency: 2,
  requestsPerMinute: 60,
  models: [
    { ...base, id: "still-1", label: "Still One", still: true, pricePerImageUsd: 0.05, imageToVideo: false },
    { ...base, id: "plain-video", label: "Plain Video", pricePerSecondUsd: 0.1 },
    { ...base, id: "ref-video", label: "Ref Video", references: { max: 3, kinds: ["character", "place"], withFrames: true, durationsSeconds: [8] } },
  ],
} as BackendCapabilities;

test("Animate's price follows the references the shots will carry: 8 s where an entry with a reference is named", () => {
  let bible = addEntry(EMPTY_BIBLE, { kind: "character", name: "Mara", description: "sixty, silver bun" }).bible;
  bible = addReference(bible, bible.entries[0]!.id, { path: "/refs/mara.png", origin: "file", addedAt: "2026-12-02T10:00:00.000Z" });
  const shots = [
    { id: "a", number: 1, text: "", prompt: "Mara wipes the counter", negativePrompt: "", durationSeconds: 4 },
    { id: "b", number: 2, text: "", prompt: "Rain on the window", negativePrompt: "", durationSeconds: 4 },
  ];
  const request: GenerateRequest = { kind: "script-to-cut", scope: "script", shots, destination: "playhead", stylePreset: "none", backend: "studio", model: "still-1", animateModel: "ref-video", takes: 1, continuity: false, placement: "all-at-once", mode: "dry-run" };
  const input = { snapshot: snapshotBuilder(frameRate(24)).track([{ at: 0, len: 240 }]).build(), request, capabilities: caps, rules: { namePatterns: [], mediaKinds: [], labelIndices: [], includeSlates: false }, spentUsd: 0, budgetUsd: null, confirmAboveUsd: 100, bible } as unknown as Parameters<typeof planRequest>[0];
  const planned = planRequest(input).preview;
  expect(planned.estimate.usd).toBeCloseTo(0.1, 5);
  // Mara's shot at 8 s (references only in 8 s clips), the rain at 4 s: 12 s at $0.50
  expect(planned.animate).toMatchObject({ model: "ref-video", shots: 2, seconds: 12, usd: 6 });
  expect(planned.animate!.models.map((m) => m.id)).toEqual(["plain-video", "ref-video"]);
  // the default is the first model that starts from a frame
  const plain = planRequest({ ...input, request: { ...request, animateModel: undefined } } as typeof input).preview.animate!;
  expect(plain).toMatchObject({ model: "plain-video", seconds: 8, usd: 0.8 });
  expect(plain.summary).toBe("Then Animate on Plain Video: 2 shots, 8 s ≈ $0.80 — both steps ≈ $0.90");
});
