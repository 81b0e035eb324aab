/**
 * Keys across redirects: a keyed request that a provider (or anything in between) redirects to
 * another origin must never carry the key there. The runtime's fetch is not trusted to strip it:
 * Node drops `Authorization` across origins but keeps `x-goog-api-key`, and UXP's fetch is not known
 * to drop either, so these tests run on a fetch that keeps every header when it follows a redirect.
 */
import { FalBackend } from "../../src/backends/fal";
import { HttpClient } from "../../src/backends/http";
import { FalMode, falCdnMode } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { caught, shotRequest } from "./helpers";
import { z } from "zod";

const KEY = "redirect-test-key-7a6b5c4d3e2f";
const media = fakeMp4(8 * 1024, 1);
let server: FakeServer;
let elsewhere: FakeServer;
let mode: FalMode;

/** A runtime whose fetch follows redirects keeping every header (the forgiving kind UXP may be). */
const keepsHeaders: typeof fetch = async (input, init) => {
  if (init?.redirect === "manual") return fetch(input, init);
  let url = String(input);
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { ...init, redirect: "manual" });
    const location = res.headers.get("location");
    if (res.status < 300 || res.status > 399 || !location) return res;
    url = new URL(location, url).toString();
  }
  throw new Error("too many redirects");
};

beforeEach(async () => {
  elsewhere = await new FakeServer([falCdnMode(media)]).start();
  elsewhere.addRoute({ method: "GET", pattern: "/*", name: "elsewhere.get", handler: () => ({ status: 200, body: { status: "IN_QUEUE", queue_position: 3 } }) });
  elsewhere.addRoute({ method: "POST", pattern: "/*", name: "elsewhere.post", handler: () => ({ status: 200, body: { ok: true } }) });
  mode = new FalMode(media, () => elsewhere.baseUrl);
  server = await new FakeServer([mode]).start();
});
afterEach(async () => {
  await server.stop();
  await elsewhere.stop();
});

const keyIn = (r: { headers: Record<string, unknown> }) => JSON.stringify(r.headers).includes(KEY);

test("a fal status poll redirected to another origin reaches it without the key, and is still read", async () => {
  const backend = new FalBackend({ fetch: keepsHeaders, apiKey: KEY, baseUrl: server.baseUrl });
  const ref = await backend.submit(shotRequest("fal-ai/veo3.1/fast"), { idempotencyKey: "k" });
  server.inject({ endpoint: "fal.status", nth: 1, fault: { kind: "status", status: 307, headers: { location: `${elsewhere.baseUrl}/status-mirror` } } });
  expect(await backend.status(ref)).toEqual({ state: "queued", queuePosition: 3 });
  const [hop] = elsewhere.requestsTo("elsewhere.get");
  expect(hop).toBeDefined();
  expect(hop!.headers["authorization"]).toBeUndefined();
  expect(keyIn(hop!)).toBe(false);
});

test("any header holding the key (x-goog-api-key, a gateway's own) stays home; a same-origin hop keeps it", async () => {
  server.addRoute({ method: "GET", pattern: "/moved", handler: () => ({ status: 302, headers: { location: "/here" } }) });
  server.addRoute({ method: "GET", pattern: "/here", name: "here", handler: () => ({ status: 301, headers: { location: `${elsewhere.baseUrl}/there` } }) });
  const http = new HttpClient({ fetch: keepsHeaders, provider: "the gateway", providerId: "openai-videos", secrets: [KEY] });
  const schema = z.object({ status: z.string() });
  await http.json({ method: "GET", url: `${server.baseUrl}/moved`, headers: { "x-goog-api-key": KEY, "x-litellm-api-key": `sk-${KEY}`, "x-runway-version": "2024-11-06" } }, schema);
  const [here] = server.requestsTo("here");
  expect(here!.headers["x-goog-api-key"]).toBe(KEY);
  const [there] = elsewhere.requestsTo("elsewhere.get");
  expect(keyIn(there!)).toBe(false);
  // what is not a key still goes along
  expect(there!.headers["x-runway-version"]).toBe("2024-11-06");
});

test("a keyed POST answered 303 goes on as a GET without its body or key; a redirect loop ends in a typed error", async () => {
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "status", status: 303, headers: { location: `${elsewhere.baseUrl}/result` } } });
  const http = new HttpClient({ fetch: keepsHeaders, provider: "the gateway", providerId: "openai-videos", secrets: [KEY] });
  await http.json({ method: "POST", url: `${server.baseUrl}/fal-ai/veo3.1/fast`, headers: { authorization: `Bearer ${KEY}` }, json: { prompt: "harbour" } }, z.object({ status: z.string() }));
  const [hop] = elsewhere.requestsTo("elsewhere.get");
  expect(hop!.method).toBe("GET");
  expect(hop!.body.length).toBe(0);
  expect(keyIn(hop!)).toBe(false);

  server.addRoute({ method: "GET", pattern: "/loop", handler: () => ({ status: 302, headers: { location: "/loop" } }) });
  const e = await caught(http.json({ method: "GET", url: `${server.baseUrl}/loop`, headers: { authorization: `Bearer ${KEY}` } }, z.object({})));
  expect(e.reason).toBe("transient");
  expect(e.message).toMatch(/redirected Cutaway more than 5 times/);
  expect(e.message).not.toContain(KEY);
});

test("a runtime that hides the redirect's target (an opaque redirect) is never sent the key blindly", async () => {
  const calls: RequestInit[] = [];
  const opaque: typeof fetch = async (_input, init) => {
    calls.push(init ?? {});
    return { type: "opaqueredirect", status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
  };
  const http = new HttpClient({ fetch: opaque, provider: "Google Veo", providerId: "veo", secrets: [KEY] });
  const e = await caught(http.download({ url: "https://generativelanguage.googleapis.com/v1beta/files/x:download?alt=media", headers: { "x-goog-api-key": KEY } }));
  expect(e.message).toMatch(/does not send your key to a host it cannot see/);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.redirect).toBe("manual");
});
