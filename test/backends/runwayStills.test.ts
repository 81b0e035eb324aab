/**
 * Runway Gen-4 References as a storyboard still: `gen4_image` on `/v1/text_to_image`, the bible's
 * references as tagged `referenceImages` named in the prompt by @tag, against the strict fake.
 */
import { RunwayBackend, runwayCapabilities } from "../../src/backends/runway";
import { runwayTags } from "../../src/backends/runway/stillCall";
import type { ReferenceImage } from "../../src/backends/types";
import { RunwayMode, runwayReferencesOf } from "../fake/runwayMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone, shotRequest } from "./helpers";

const KEY = "key_runway_0123456789abcdef0123456789";
const ref = (name: string, kind: ReferenceImage["kind"], n: number): ReferenceImage => ({ ...pngFrame(n), kind, name });

let server: FakeServer;
let mode: RunwayMode;
let runway: RunwayBackend;
beforeEach(async () => {
  mode = new RunwayMode(fakeMp4(2048, 2), KEY);
  mode.progressSteps = 1;
  server = await new FakeServer([mode]).start();
  runway = new RunwayBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl });
});
afterEach(() => server.stop());

const still = (refs: ReferenceImage[] = [], prompt = "Mara waits at the Harbour Café window") => shotRequest("gen4_image", { durationSeconds: 4, prompt, ...(refs.length ? { referenceImages: refs } : {}) });

test("a still from words alone: text_to_image at a 720p ratio, and a PNG comes home", async () => {
  const job = await runway.submit(still(), { idempotencyKey: "k1" });
  const task = [...mode.jobs.values()][0]!;
  expect(task.endpoint).toBe("text_to_image");
  expect(task.body).toEqual({ model: "gen4_image", promptText: "Mara waits at the Harbour Café window", ratio: "1280:720" });
  const [last] = (await pollUntilDone(runway, job)).slice(-1);
  const dl = await runway.download(job, last as Extract<typeof last, { state: "completed" }>);
  expect(dl.extension).toBe("png");
  expect(Array.from((await bytesOf(dl)).subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test("references go as tagged referenceImages; names in the prompt become @tags, the rest are listed", async () => {
  await runway.submit(still([ref("Mara", "character", 1), ref("Harbour Café", "place", 2), ref("Noir", "look", 3)]), { idempotencyKey: "k2" });
  const sent = runwayReferencesOf([...mode.jobs.values()][0]!);
  expect(sent.tags).toEqual(["Mara", "Harbour_Cafe", "Noir"]);
  expect(sent.prompt).toBe("@Mara waits at the @Harbour_Cafe window. With @Noir.");
});

test("tags follow Runway's rules whatever the bible's names are", () => {
  const tags = runwayTags([ref("Jo", "character", 1), ref("3rd Officer", "character", 2), ref("Mara", "character", 3), ref("Mara", "character", 4), ref("Ève-Marie de la Tour d'Argent", "character", 5)]);
  expect(tags).toEqual(["Jo_ref", "ref_3rd_Officer", "Mara", "Mara_2", "Eve_Marie_de_la"]);
  for (const t of tags) expect(t).toMatch(/^[A-Za-z][A-Za-z0-9_]{2,15}$/);
});

test("a fourth reference is refused before anything is sent", async () => {
  const four = [1, 2, 3, 4].map((n) => ref(`Extra${n}`, "character", n));
  expect((await caught(runway.submit(still(four), { idempotencyKey: "k3" }))).message).toMatch(/at most 3 reference images/);
  expect(mode.jobs.size).toBe(0);
});

test("a moderated still fails as content policy, like Runway's videos", async () => {
  mode.fail = () => ({ failure: "Prompt flagged", failureCode: "SAFETY.INPUT.TEXT" });
  const job = await runway.submit(still(), { idempotencyKey: "k4" });
  const [last] = (await pollUntilDone(runway, job)).slice(-1);
  expect(last).toMatchObject({ state: "failed", error: { reason: "content_policy" } });
});

test("the fake refuses what Runway would: a duration on text_to_image, a bad tag, a 1080p-only ratio off the list", async () => {
  const post = (body: unknown) => fetch(`${server.baseUrl}/v1/text_to_image`, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "x-runway-version": "2024-11-06", "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await post({ model: "gen4_image", promptText: "x", ratio: "1280:720", duration: 5 })).status).toBe(400);
  expect((await post({ model: "gen4_image", promptText: "x", ratio: "1280:720", referenceImages: [{ uri: "data:image/png;base64,AAAA", tag: "Jo" }] })).status).toBe(400);
  expect((await post({ model: "gen4_image", promptText: "x", ratio: "1584:672" })).status).toBe(400);
});

test("Runway's picker lists Gen-4 References as a still at $0.05 taking 3 references", () => {
  expect(runwayCapabilities().models.find((m) => m.id === "gen4_image")).toMatchObject({ still: true, pricePerImageUsd: 0.05, durationsSeconds: [], references: { max: 3 } });
});
