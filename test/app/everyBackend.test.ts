/**
 * "A shot can be sent to any backend by configuration alone": for every backend the catalog ships,
 * the real app (in-memory Premiere, shipped catalog without any base URL override) is configured
 * only through its public API — keys with setApiKey, servers and the ComfyUI workflow with
 * saveSettings — for ALL providers at once, then one fill-gaps request names one backend. The shot
 * must land in the sequence with that backend's provenance, reach only that provider's fake (one
 * create per shot), and carry only that provider's auth scheme.
 */
import { createCutaway, type Cutaway } from "../../src/app/cutaway";
import { createScriptService } from "../../src/app/scriptService";
import { createBackendCatalog } from "../../src/backends/catalog";
import { FAL_MODELS } from "../../src/backends/fal";
import { REPLICATE_MODELS } from "../../src/backends/replicate";
import { RUNWAY_MODELS } from "../../src/backends/runway";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { ComfyMode } from "../fake/comfyMode";
import { FalMode, falCdnMode } from "../fake/falMode";
import { LumaMode, lumaCdnMode } from "../fake/lumaMode";
import { OpenAIVideosMode } from "../fake/openaiVideosMode";
import { ReplicateMode, replicateCdnMode } from "../fake/replicateMode";
import { RUNWAY_VERSION, RunwayMode, runwayCdnMode } from "../fake/runwayMode";
import { FakeServer, type RecordedRequest } from "../fake/server";
import { VeoMode, veoStorageMode } from "../fake/veoMode";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";
import { settlePlaced } from "./appRig";

jest.setTimeout(30_000);

const media = fakeMp4(24 * 1024, 7);
const thumb = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** distinct keys, so a leak of one provider's key to another's server is visible */
const KEYS: Readonly<Record<string, string>> = {
  fal: "fal-key-0123456789abcdef",
  "openai-videos": "fake-gateway-key-0123456789abcdef",
  openrouter: "fake-openrouter-key-0123456789abcdef",
  veo: "AIzaSy-test-0123456789abcdefghij",
  runway: "key_runway_0123456789abcdef0123456789",
  replicate: "r8_0123456789abcdefKEY",
  luma: "luma-0123456789abcdef-KEY",
  comfyui: "proxy-token-0123456789abcdef",
};

/** a small API-format workflow (text to video: no LoadImage) */
const WORKFLOW = JSON.stringify({
  "6": { class_type: "CLIPTextEncode", inputs: { text: "cinematic, {{prompt}}", clip: ["4", 1] } },
  "7": { class_type: "CLIPTextEncode", inputs: { text: "{{negative}}", clip: ["4", 1] } },
  "3": { class_type: "KSampler", inputs: { seed: "{{seed}}", steps: 20, model: ["4", 0] } },
  "5": { class_type: "EmptyLTXVLatentVideo", inputs: { width: "{{width}}", height: "{{height}}", length: "{{frames}}", batch_size: 1 } },
  "9": { class_type: "VHS_VideoCombine", inputs: { frame_rate: "{{fps}}", filename_prefix: "cutaway_{{seed}}", format: "video/h264-mp4" } },
});

/** One provider's fake: its API server, the CDN its media comes from, and what its requests must carry. */
interface Fake {
  readonly servers: readonly FakeServer[];
  /** the API server (keys go only here) */
  readonly api: FakeServer;
  /** the base URL in the form this backend expects in Settings */
  readonly baseUrl: () => string;
  readonly createEndpoint: string;
  /** the headers every request to the API server must carry */
  readonly auth: () => Record<string, string>;
}

/** header names that belong to one provider's scheme only */
const FOREIGN_HEADERS = ["x-goog-api-key", "x-runway-version"];

async function startFakes(): Promise<Record<string, Fake>> {
  const bearer = (id: string) => () => ({ authorization: `Bearer ${KEYS[id]!}` });

  const falCdn = await new FakeServer([falCdnMode(media)]).start();
  const falMode = new FalMode(media, () => falCdn.baseUrl);
  falMode.queuedPolls = 0;
  const fal = await new FakeServer([falMode]).start();

  const oaiMode = new OpenAIVideosMode(media, thumb, { prefix: "/v1" });
  oaiMode.progressSteps = 1;
  const oai = await new FakeServer([oaiMode]).start();

  const orMode = new OpenAIVideosMode(media, thumb, { prefix: "/api/v1", variant: "openrouter" });
  orMode.progressSteps = 1;
  const or = await new FakeServer([orMode]).start();

  const veoStorage = await new FakeServer([veoStorageMode(media)]).start();
  const veoMode = new VeoMode(media, KEYS["veo"]!, () => veoStorage.baseUrl);
  veoMode.pollsBeforeDone = 1;
  const veo = await new FakeServer([veoMode]).start();

  const runwayCdn = await new FakeServer([runwayCdnMode(media, Date.now)]).start();
  const runwayMode = new RunwayMode(media, KEYS["runway"]!, () => runwayCdn.baseUrl);
  runwayMode.progressSteps = 1;
  const runway = await new FakeServer([runwayMode]).start();

  const replicateCdn = await new FakeServer([replicateCdnMode(media)]).start();
  const replicateMode = new ReplicateMode(media, () => replicateCdn.baseUrl);
  replicateMode.queuedPolls = 0;
  const replicate = await new FakeServer([replicateMode]).start();

  const lumaCdn = await new FakeServer([lumaCdnMode(media)]).start();
  const lumaMode = new LumaMode(() => lumaCdn.baseUrl);
  lumaMode.queuedPolls = 0;
  const luma = await new FakeServer([lumaMode]).start();

  const comfyMode = new ComfyMode(media);
  comfyMode.queuedPolls = 0;
  const comfy = await new FakeServer([comfyMode]).start();

  return {
    fal: { servers: [fal, falCdn], api: fal, baseUrl: () => fal.baseUrl, createEndpoint: "fal.submit", auth: () => ({ authorization: `Key ${KEYS["fal"]!}` }) },
    "openai-videos": { servers: [oai], api: oai, baseUrl: () => `${oai.baseUrl}/v1`, createEndpoint: "videos.create", auth: bearer("openai-videos") },
    openrouter: { servers: [or], api: or, baseUrl: () => `${or.baseUrl}/api/v1`, createEndpoint: "videos.create", auth: bearer("openrouter") },
    veo: { servers: [veo, veoStorage], api: veo, baseUrl: () => veo.baseUrl, createEndpoint: "veo.create", auth: () => ({ "x-goog-api-key": KEYS["veo"]! }) },
    runway: { servers: [runway, runwayCdn], api: runway, baseUrl: () => runway.baseUrl, createEndpoint: "runway.textToVideo", auth: () => ({ authorization: `Bearer ${KEYS["runway"]!}`, "x-runway-version": RUNWAY_VERSION }) },
    replicate: { servers: [replicate, replicateCdn], api: replicate, baseUrl: () => `${replicate.baseUrl}/v1`, createEndpoint: "replicate.create", auth: bearer("replicate") },
    luma: { servers: [luma, lumaCdn], api: luma, baseUrl: () => `${luma.baseUrl}/dream-machine/v1`, createEndpoint: "luma.create", auth: bearer("luma") },
    comfyui: { servers: [comfy], api: comfy, baseUrl: () => comfy.baseUrl, createEndpoint: "comfy.prompt", auth: bearer("comfyui") },
  };
}

let fakes: Record<string, Fake>;
beforeEach(async () => {
  fakes = await startFakes();
});
afterEach(async () => {
  await Promise.all(Object.values(fakes).flatMap((f) => f.servers.map((s) => s.stop())));
});

/** The app on the shipped catalog (no base URL override), configured through its public API only. */
async function configuredApp(): Promise<{ app: Cutaway; host: PremiereEditorHost }> {
  const files = new MemoryFileStore();
  const sim = createPremiereSim(stateFromSnapshot(demoSequence()), { projectPath: "/projects/Harbour/Harbour.prproj", exportFrame: async () => false });
  const host = new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep });
  const clock = scaledClock(200);
  const backends = createBackendCatalog({ fetch, clock });
  const app = createCutaway({ host, files, secrets: new MemorySecretStore(), settings: new FileSettingsStore(files), clock, backends, script: createScriptService(fetch) });
  await app.start();
  for (const [id, key] of Object.entries(KEYS)) await app.setApiKey(id, key);
  await app.saveSettings({ baseUrls: Object.fromEntries(Object.entries(fakes).map(([id, f]) => [id, f.baseUrl()])), comfyWorkflow: WORKFLOW });
  return { app, host };
}

const settle = settlePlaced;

/**
 * Whether a model makes video from a prompt alone. The panel's ProviderView does not say (only
 * `imageToVideo`), so the backends' own model tables are asked; the others are all text-to-video.
 */
function textToVideo(backend: string, model: string): boolean {
  if (backend === "fal") return FAL_MODELS.some((m) => m.id === model && m.endpoints.some((e) => e.mode === "text"));
  if (backend === "replicate") return REPLICATE_MODELS.some((m) => m.id === model && m.endpoints.some((e) => e.mode === "text"));
  if (backend === "runway") return RUNWAY_MODELS.some((m) => m.id === model && m.textToVideo);
  return true;
}

const IDS = ["slate", "fal", "openai-videos", "openrouter", "veo", "runway", "replicate", "luma", "comfyui"];

test("the list tested here is the catalog's list", () => {
  expect([...createBackendCatalog({ fetch, clock: { now: Date.now } }).ids()].sort()).toEqual([...IDS].sort());
});

test.each(IDS)("a shot is sent to %s by configuration alone", async (id) => {
  const { app, host } = await configuredApp();
  expect(app.getState().notices.filter((n) => n.level === "error")).toEqual([]);
  const provider = app.getState().providers.find((p) => p.id === id);
  expect(provider).toBeDefined();
  expect(provider!.hasKey || !provider!.needsKey).toBe(true);
  const model = provider!.models.find((m) => textToVideo(id, m.id))?.id;
  expect(model).toBeDefined();

  const { requestId, preview } = await app.run(
    { kind: "fill-gaps", scope: "playhead", backend: id, model: model!, prompt: "harbour at dawn", stylePreset: "none", takes: 1, continuity: false, placement: "all-at-once", mode: "generate" },
    { confirmed: true },
  );
  expect(preview.items.length).toBeGreaterThan(0);
  await settle(app, requestId);

  const jobs = app.engine.list().filter((j) => j.requestId === requestId);
  expect(jobs.map((j) => [j.state, j.error?.message ?? null])).toEqual(jobs.map(() => ["placed", null]));
  // the sequence gained the clips, each saying where it came from
  const clips = (await host.snapshot()).videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);
  expect(clips).toHaveLength(preview.items.length);
  for (const c of clips) {
    expect(c.provenance).toMatchObject({ backend: id, model, prompt: expect.stringContaining("harbour at dawn") });
    expect(c.provenance!.jobId.startsWith(requestId)).toBe(true);
  }
  await app.dispose();

  const fake = fakes[id];
  if (fake) {
    expect(fake.api.count(fake.createEndpoint)).toBe(preview.items.length);
    // the shot's prompt reached the provider (ComfyUI: filled into the workflow saved in Settings)
    for (const r of fake.api.requestsTo(fake.createEndpoint)) expect(JSON.stringify(r.json)).toMatch(id === "comfyui" ? /cinematic, (\w[\w -]*: )?harbour at dawn/ : /harbour at dawn/);
    // every call to the provider's API carries its own scheme, and no other provider's header or key
    const others = Object.entries(KEYS).filter(([k]) => k !== id).map(([, v]) => v);
    const apiRequests = fake.api.requests;
    expect(apiRequests.length).toBeGreaterThan(preview.items.length);
    for (const r of apiRequests) {
      expect(pick(r, Object.keys(fake.auth()))).toEqual(fake.auth());
      for (const h of FOREIGN_HEADERS) if (!(h in fake.auth())) expect(r.headers[h]).toBeUndefined();
      if (!("authorization" in fake.auth())) expect(r.headers["authorization"]).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toMatch(new RegExp(others.map(escape).join("|")));
    }
    // media comes from the CDN without any key
    for (const s of fake.servers.filter((s) => s !== fake.api)) {
      expect(s.requests.length).toBeGreaterThan(0);
      for (const r of s.requests) expect(JSON.stringify(r.headers)).not.toMatch(new RegExp(Object.values(KEYS).map(escape).join("|")));
    }
  }
  // no other provider was called at all
  for (const [other, f] of Object.entries(fakes)) if (other !== id) for (const s of f.servers) expect([other, s.requests.length]).toEqual([other, 0]);
});

function pick(r: RecordedRequest, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, Array.isArray(r.headers[n]) ? r.headers[n]![0] : (r.headers[n] as string | undefined)]));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
