import { FalBackend } from "../../src/backends/fal";
import { GenerationError } from "../../src/backends/errors";
import type { GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";
import { FakeServer } from "../fake/server";
import { FalMode, falCdnMode, falContentPolicy, header } from "../fake/falMode";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone, shotRequest } from "./helpers";

const KEY = "fal-key-0123456789abcdef";
const media = fakeMp4(64 * 1024, 7);
let server: FakeServer;
let cdn: FakeServer;
let mode: FalMode;
let backend: FalBackend;

const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => shotRequest("fal-ai/veo3.1/fast", over);
const png = pngFrame;

beforeEach(async () => {
  cdn = await new FakeServer([falCdnMode(media)]).start();
  mode = new FalMode(media, () => cdn.baseUrl);
  server = await new FakeServer([mode]).start();
  backend = new FalBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl, clock: { now: () => Date.parse("2026-11-20T10:00:00Z") } });
});
afterEach(async () => {
  await server.stop();
  await cdn.stop();
});


const pollToEnd = (ref: JobRef, b: GenerationBackend = backend): Promise<JobStatus[]> => pollUntilDone(b, ref, 10);


test("a text shot goes through the queue and the downloaded bytes are exactly what fal served", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "cutaway-s1" });
  expect(ref).toMatchObject({ backend: "fal", model: "fal-ai/veo3.1/fast", providerJobId: "req-1" });
  const seen = await pollToEnd(ref);
  expect(seen.map((s) => s.state)).toEqual(["queued", "queued", "running", "completed"]);
  expect(seen[0]).toEqual({ state: "queued", queuePosition: 1 });
  expect(seen[1]).toEqual({ state: "queued", queuePosition: 0 });
  const done = seen[3] as Extract<JobStatus, { state: "completed" }>;
  const dl = await backend.download(ref, done);
  expect(dl.extension).toBe("mp4");
  expect(dl.contentLength).toBe(media.length);
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);

  const [submit] = server.requestsTo("fal.submit");
  expect(submit!.path).toBe("/fal-ai/veo3.1/fast");
  expect(submit!.headers["authorization"]).toBe(`Key ${KEY}`);
  expect(submit!.headers["content-type"]).toBe("application/json");
  expect(submit!.json).toEqual({ prompt: request().prompt, duration: "8s", aspect_ratio: "16:9", resolution: "720p", generate_audio: false });
  for (const r of [...server.requestsTo("fal.status"), ...server.requestsTo("fal.result")]) expect(r.headers["authorization"]).toBe(`Key ${KEY}`);
  // the CDN never sees the key
  expect(cdn.requestsTo("fal.media")[0]!.headers["authorization"]).toBeUndefined();
});

test("first and last frames pick the first-last-frame endpoint with data URIs in its own field names", async () => {
  await backend.submit(request({ firstFrame: png(1), lastFrame: png(2), negativePrompt: "text, logos", seed: 9 }), { idempotencyKey: "k" });
  const [submit] = server.requestsTo("fal.submit");
  expect(submit!.path).toBe("/fal-ai/veo3.1/fast/first-last-frame-to-video");
  expect(submit!.json).toEqual({
    prompt: request().prompt,
    negative_prompt: "text, logos",
    seed: 9,
    duration: "8s",
    aspect_ratio: "16:9",
    resolution: "720p",
    generate_audio: false,
    first_frame_url: `data:image/png;base64,${Buffer.from(png(1).bytes).toString("base64")}`,
    last_frame_url: `data:image/png;base64,${Buffer.from(png(2).bytes).toString("base64")}`,
  });
});

test("Kling takes the first frame as start_image_url and a string duration; the job URLs are derived when fal omits them", async () => {
  mode.bareSubmit = true;
  const ref = await backend.submit(request({ model: "fal-ai/kling-video/v4", durationSeconds: 5, firstFrame: png(3) }), { idempotencyKey: "k" });
  const [submit] = server.requestsTo("fal.submit");
  expect(submit!.path).toBe("/fal-ai/kling-video/v4/image-to-video");
  expect(submit!.json).toEqual({ prompt: request().prompt, duration: "5", start_image_url: expect.stringMatching(/^data:image\/png;base64,/) });
  expect((await pollToEnd(ref)).at(-1)?.state).toBe("completed");
  expect(server.requestsTo("fal.status")[0]!.path).toBe("/fal-ai/kling-video/requests/req-1/status");
});

test("what a model cannot do is refused before anything is sent", async () => {
  expect((await caught(backend.submit(request({ durationSeconds: 7 }), { idempotencyKey: "k" }))).reason).toBe("invalid_request");
  const kling = await caught(backend.submit(request({ model: "fal-ai/kling-video/v4", durationSeconds: 5 }), { idempotencyKey: "k" }));
  expect(kling.message).toMatch(/needs a reference frame/);
  expect((await caught(backend.submit(request({ lastFrame: png(1) }), { idempotencyKey: "k" }))).message).toMatch(/first frame/);
  expect(server.count("fal.submit")).toBe(0);
});

test("429 with Retry-After in seconds or as an HTTP date becomes rate_limited with the wait", async () => {
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "status", status: 429, headers: { "retry-after": "7" }, body: { detail: "Too many requests" } } });
  server.inject({ endpoint: "fal.submit", nth: 2, fault: { kind: "status", status: 429, headers: { "retry-after": "Fri, 20 Nov 2026 10:01:30 GMT" } } });
  const a = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(a.reason).toBe("rate_limited");
  expect(a.details.retryAfterSeconds).toBe(7);
  expect(a.details.outcomeUnknown).toBeUndefined();
  const b = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(b.details.retryAfterSeconds).toBe(90);
  expect(b.message).toMatch(/90 s/);
});

test("401 means the key was rejected, and the message never contains the key", async () => {
  server.inject({ endpoint: "fal.submit", fault: { kind: "status", status: 401, body: { detail: `Invalid key ${KEY}` } } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("auth");
  expect(e.message).toBe("Your fal.ai key was rejected — check it in Settings.");
  expect(JSON.stringify({ m: e.message, d: e.details })).not.toContain(KEY);
});

test("provider failure bodies map to the right reasons", async () => {
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "status", status: 403, body: { detail: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing." } } });
  expect((await caught(backend.submit(request(), { idempotencyKey: "k" }))).reason).toBe("quota");

  mode.resultOverride = () => ({ status: 422, body: { detail: [{ loc: ["body", "image_url"], msg: "Image is too small: at least 300 px", type: "value_error" }] } });
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const end = (await pollToEnd(ref)).at(-1)!;
  expect(end.state).toBe("failed");
  const err = (end as Extract<JobStatus, { state: "failed" }>).error;
  expect(err.reason).toBe("invalid_request");
  expect(err.message).toContain("Image is too small: at least 300 px (in the image url)");

  server.inject({ endpoint: "fal.status", nth: 5, fault: { kind: "status", status: 503, headers: { "retry-after": "3" } } });
  const busy = await caught(backend.status(ref));
  expect(busy.reason).toBe("transient");
  expect(busy.details.retryAfterSeconds).toBe(3);
});

test("a 404 on the result after COMPLETED is transient (ask again), never 'invalid request, check the model'", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  server.inject({ endpoint: "fal.result", nth: 1, fault: { kind: "status", status: 404, body: { detail: "Request not found" } } });
  const seen: JobStatus[] = [];
  let e: GenerationError | undefined;
  for (let i = 0; i < 4 && !e; i++) {
    try {
      seen.push(await backend.status(ref));
    } catch (x) {
      e = x as GenerationError;
    }
  }
  expect(e).toBeInstanceOf(GenerationError);
  expect(e!.reason).toBe("transient");
  expect(e!.retryable).toBe(true);
  expect(e!.message).not.toMatch(/check the model/i);
  expect(seen.some((s) => s.state === "failed")).toBe(false);
  // the next look collects it
  expect(await backend.status(ref)).toMatchObject({ state: "completed", mediaUrl: `${cdn.baseUrl}/media/req-1.mp4` });
});

test("a content-policy refusal, at submit or after rendering, is content_policy with fal's words", async () => {
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "status", ...falContentPolicy("Prompt flagged") } });
  const atSubmit = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(atSubmit.reason).toBe("content_policy");
  expect(atSubmit.retryable).toBe(false);
  expect(atSubmit.message).toContain("Prompt flagged");

  mode.resultOverride = () => falContentPolicy();
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const end = (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "failed" }>;
  expect(end.error.reason).toBe("content_policy");
  expect(end.error.details.providerCode).toBe("content_policy_violation");
});

test("cancel sends PUT to the cancel URL and the job then reads as cancelled", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  await backend.status(ref);
  await backend.cancel(ref);
  const [put] = server.requestsTo("fal.cancel");
  expect(put!.path).toBe("/fal-ai/veo3.1/requests/req-1/cancel");
  expect(put!.headers["authorization"]).toBe(`Key ${KEY}`);
  const st = await backend.status(ref);
  expect(st.state === "failed" && st.error.reason).toBe("cancelled");
  // cancelling a job that already finished is not an error
  const done = await backend.submit(request(), { idempotencyKey: "k2" });
  await pollToEnd(done);
  await expect(backend.cancel(done)).resolves.toBeUndefined();
});

test.each([410, 403])("an expired media URL (%i) is reported as expired", async (status) => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const end = (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "completed" }>;
  cdn.inject({ endpoint: "fal.media", fault: { kind: "status", status, body: "<Error>AccessDenied</Error>" } });
  const e = await caught(backend.download(ref, end));
  expect(e.reason).toBe("expired");
  expect(e.message).toMatch(/expired/);
});

test("malformed JSON is a transient error that says so; on submit the outcome is unknown", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  server.inject({ endpoint: "fal.status", nth: 1, fault: { kind: "malformed-json" } });
  const e = await caught(backend.status(ref));
  expect(e.reason).toBe("transient");
  expect(e.message).toMatch(/fal\.ai sent a reply Cutaway could not read: it was not valid JSON/);
  expect(e.details.outcomeUnknown).toBeUndefined();

  server.inject({ endpoint: "fal.submit", nth: 2, fault: { kind: "malformed-json" } });
  const s = await caught(backend.submit(request(), { idempotencyKey: "k2" }));
  expect(s.details.outcomeUnknown).toBe(true);
});

test("a connection reset mid-download ends in a typed transient error, not a hang", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const end = (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "completed" }>;
  cdn.inject({ endpoint: "fal.media", fault: { kind: "reset-mid-body" } });
  const dl = await backend.download(ref, end);
  const e = await caught(bytesOf(dl));
  expect(e.reason).toBe("transient");
  expect(e.message).toMatch(/interrupted/);
});

test("a reset after the submit was sent is outcome-unknown (the job exists at fal) and nothing is resent", async () => {
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "reset-after" } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.details.outcomeUnknown).toBe(true);
  expect(e.message).toMatch(/before sending it again/);
  expect(server.count("fal.submit")).toBe(1);
  expect(mode.jobs.size).toBe(1);
});

describe("a create whose answer was lost is found through fal's Platform API", () => {
  let now: number;
  let lost: FalBackend;
  const T0 = Date.parse("2026-11-20T10:00:00Z");
  beforeEach(() => {
    now = T0;
    mode.now = () => now;
    lost = new FalBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl, clock: { now: () => now } });
  });

  test("once it has rendered and the list shows it: that request, never a same-prompt take from before or another shot", async () => {
    // an identical earlier take (before this create went out) and a different shot after it
    now = T0 - 3600_000;
    await lost.submit(request(), { idempotencyKey: "earlier" });
    now = T0;
    await lost.submit(request({ prompt: "A different shot" }), { idempotencyKey: "other" });
    now = T0 + 1_000;
    server.inject({ endpoint: "fal.submit", nth: 3, fault: { kind: "reset-after" } });
    expect((await caught(lost.submit(request(), { idempotencyKey: "lost" }))).details.outcomeUnknown).toBe(true);
    // one request a page: the lost one is on the second
    mode.pageLimit = 1;

    // still rendering: fal does not list it, which is not "never arrived"
    now = T0 + 20_000;
    const early = await caught(lost.findJob("lost", request()));
    expect(early).toMatchObject({ reason: "transient", details: { outcomeUnknown: true } });
    expect(early.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(early.message).toMatch(/not listed yet/);

    // rendered (60 s) and listed (30 s later)
    now = T0 + 95_000;
    const found = await lost.findJob("lost", request());
    expect(found).toMatchObject({ backend: "fal", model: "fal-ai/veo3.1/fast", providerJobId: "req-3" });
    expect(found!.urls).toMatchObject({ status: `${server.baseUrl}/fal-ai/veo3.1/requests/req-3/status`, response: `${server.baseUrl}/fal-ai/veo3.1/requests/req-3` });
    const asks = server.requestsTo("fal.requests");
    expect(asks[asks.length - 1]!.query.get("cursor")).not.toBeNull();
    const q = asks[asks.length - 1]!.query;
    expect(q.get("endpoint_id")).toBe("fal-ai/veo3.1/fast");
    expect(q.get("expand")).toBe("payloads");
    expect(Date.parse(q.get("start")!)).toBeLessThanOrEqual(T0);
    expect(Date.parse(q.get("start")!)).toBeGreaterThan(T0 - 3600_000);
    for (const r of asks) expect(r.headers["authorization"]).toBe(`Key ${KEY}`);

    // and it is collected: the status and result of that very request
    const seen = await pollToEnd(found!, lost);
    expect(seen[seen.length - 1]).toMatchObject({ state: "completed", mediaUrl: `${cdn.baseUrl}/media/req-3.mp4` });
    expect(server.count("fal.submit")).toBe(3);
  });

  test("not found once the render and the list's lag have passed: the editor is sent to the dashboard, and nothing is resent", async () => {
    server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "reset-before" } });
    await caught(lost.submit(request(), { idempotencyKey: "gone" }));
    await caught(lost.findJob("gone", request()));
    now = T0 + 13 * 60_000;
    const e = await caught(lost.findJob("gone", request()));
    expect(e.retryable).toBe(false);
    expect(e.details.outcomeUnknown).toBe(true);
    expect(e.message).toMatch(/did not find it among your fal\.ai requests of the last 12 minutes\. Check your fal\.ai dashboard/);
    expect(server.count("fal.submit")).toBe(1);
  });

  test("after a reload, a job the journal already holds for a sibling take is never adopted for the lost one", async () => {
    // take 2's create is lost first, then take 1 (identical input) is accepted
    server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "reset-after" } });
    await caught(lost.submit(request(), { idempotencyKey: "take-2" }));
    now = T0 + 1_000;
    const take1 = await lost.submit(request(), { idempotencyKey: "take-1" });
    // the panel reloads: a new backend, told which provider jobs the journal already has
    now = T0 + 120_000;
    const reloaded = new FalBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl, clock: { now: () => now } });
    reloaded.claimJobs([take1.providerJobId]);
    const found = await reloaded.findJob("take-2", request());
    expect(found?.providerJobId).toBe("req-1");
    expect(take1.providerJobId).toBe("req-2");
  });

    test("a reload long after the create went out: with the journal's send time the request is still found", async () => {
    server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "reset-after" } });
    await caught(lost.submit(request(), { idempotencyKey: "old" }));
    // the panel was closed for 40 minutes
    now = T0 + 40 * 60_000;
    const reloaded = new FalBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl, clock: { now: () => now } });
    expect(await reloaded.findJob("old", request(), { sentAt: T0 })).toMatchObject({ providerJobId: "req-1" });
    const q = server.requestsTo("fal.requests").at(-1)!.query;
    expect(Date.parse(q.get("start")!)).toBeLessThanOrEqual(T0);
  });

    test("a Platform API that refuses the key ends the search at once with the dashboard sentence, never an auth error", async () => {
    server.inject({ endpoint: "fal.requests", fault: { kind: "status", status: 403, body: { detail: "Forbidden" } } });
    const e = await caught(lost.findJob("k", request()));
    expect(e).toMatchObject({ reason: "invalid_request", details: { outcomeUnknown: true } });
    expect(e.message).toMatch(/would not show its request list to Cutaway \(HTTP 403\)\. Check your fal\.ai dashboard/);
  });
});

test("capabilities describe every model from its descriptor", () => {
  const caps = backend.capabilities();
  expect(caps).toMatchObject({ backend: "fal", needsKey: true, canListJobs: true });
  const byId = new Map(caps.models.map((m) => [m.id, m]));
  expect(byId.get("fal-ai/veo3.1/fast")).toMatchObject({ durationsSeconds: [4, 6, 8], imageToVideo: true, lastFrame: true, pricePerSecondUsd: 0.1 });
  expect(byId.get("fal-ai/kling-video/v4")).toMatchObject({ imageToVideo: true, lastFrame: true });
  expect(byId.get("fal-ai/wan/v2.7")).toMatchObject({ durationsSeconds: [5, 10, 15], lastFrame: true });
});

test("requests carry no other provider's credentials", async () => {
  await backend.submit(request(), { idempotencyKey: "k" });
  for (const r of server.requests) {
    expect(String(header(r, "authorization") ?? "")).not.toMatch(/^Bearer/);
    expect(r.headers["x-goog-api-key"]).toBeUndefined();
  }
});
