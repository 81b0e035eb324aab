/** The shipped backend list: every backend is offered with its data, and one that cannot start says why. */
import { createBackendCatalog } from "../../src/backends/catalog";
import { GenerationError } from "../../src/backends/errors";

const catalog = createBackendCatalog({ fetch, clock: { now: () => 0 } });

test("offers the slate and every cloud backend, each with models, durations and prices", () => {
  expect(catalog.ids()).toEqual(expect.arrayContaining(["slate", "fal", "openai-videos", "openrouter", "veo", "runway", "replicate", "luma", "comfyui"]));
  for (const id of catalog.ids()) {
    const c = catalog.capabilities(id);
    expect(c.backend).toBe(id);
    expect(c.models.length).toBeGreaterThan(0);
    if (id === "slate") continue; // slates take any length and cost nothing
    // storyboard stills (image models) are held for the shot's length and priced per image
    for (const m of c.models) if (!m.still) expect(m.durationsSeconds.length).toBeGreaterThan(0);
    // a studio's own GPUs cost nothing per second unless the editor says so
    if (id !== "comfyui") expect(c.models.every((m) => (m.still ? (m.pricePerImageUsd ?? 0) : m.pricePerSecondUsd) > 0)).toBe(true);
  }
});

test("a gateway with no base URL yet answers with what to do, instead of crashing the panel", async () => {
  const b = catalog.create("openai-videos", { apiKey: "k" });
  const e = await b.submit({ model: "x", prompt: "p", durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: 1 }, { idempotencyKey: "i" }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(GenerationError);
  expect((e as GenerationError).message).toMatch(/base URL/);
});

test("limits the list and labels a stand-in", () => {
  const wb = createBackendCatalog({ fetch, clock: { now: () => 0 }, only: ["slate", "fal"], labels: { fal: " (fake provider)" } });
  expect(wb.ids()).toEqual(["slate", "fal"]);
  expect(wb.capabilities("fal").label).toBe("fal.ai (fake provider)");
  expect(() => wb.capabilities("veo")).toThrow(/not available/);
});

test("ComfyUI without a pasted workflow says where to paste it", async () => {
  const b = catalog.create("comfyui", { apiKey: null });
  await expect(b.submit({ model: "workflow", prompt: "p", durationSeconds: 4, aspect: "16:9", size: { width: 832, height: 480 }, shotNumber: 1 }, { idempotencyKey: "i" })).rejects.toThrow(/ComfyUI workflow.*Settings/);
});
