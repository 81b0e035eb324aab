/**
 * Settings (issue 14 item 6): every provider's Test is a real, free, authenticated call; a key the
 * provider refuses is not saved; an unreachable script-writing server is named, and stale notices go.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createCutaway, LLM_KEY_ID, type Cutaway } from "../../src/app/cutaway";
import { createScriptService } from "../../src/app/scriptService";
import { apiKeyName } from "../../src/app/settings";
import { createBackendCatalog } from "../../src/backends/catalog";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import * as llmCheck from "../../src/llm/check";
import { FalMode } from "../fake/falMode";
import { FalPlatformMode } from "../fake/falPlatformMode";
import { ModelsListMode } from "../fake/modelsListMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";

let server: FakeServer;
let secrets: MemorySecretStore;
let app: Cutaway;
beforeEach(async () => {
  server = await new FakeServer([new FalMode(fakeMp4(1024, 1)), new FalPlatformMode(new Set(["good-fal-key"])), new ModelsListMode(new Set(["good-llm-key"]))]).start();
  secrets = new MemorySecretStore();
  const files = new MemoryFileStore();
  const clock = scaledClock(200);
  const backends = createBackendCatalog({ fetch, clock, only: ["slate", "fal"], baseUrls: { fal: server.baseUrl } });
  const host = new PremiereEditorHost(createPremiereSim(stateFromSnapshot(demoSequence())).module, { sleep: async () => undefined });
  app = createCutaway({ host, files, secrets, settings: new FileSettingsStore(files), clock, backends, script: createScriptService(fetch, { loadCheck: async () => llmCheck }) });
  await app.start();
  await app.saveSettings({ llmBaseUrl: `${server.baseUrl}/v1` });
});
afterEach(async () => {
  await app.dispose();
  await server.stop();
});

describe("fal", () => {
  it("Test asks fal's Platform API with the key, and says whether fal accepted it", async () => {
    await app.setApiKey("fal", "good-fal-key");
    expect(await app.testConnection("fal")).toEqual({ ok: true, message: "fal.ai accepted the key." });
    const calls = server.requestsTo("fal.pricing");
    expect(calls).toHaveLength(2); // once when saved, once for Test
    expect(calls[0]!.headers["authorization"]).toBe("Key good-fal-key");
    expect(calls[0]!.query.get("endpoint_id")).toMatch(/^fal-ai\//);
  });

  it("a key fal refuses is not saved, and the editor is told so", async () => {
    await expect(app.setApiKey("fal", "typo-key")).rejects.toThrow(/not saved/);
    expect(await secrets.get(apiKeyName("fal"))).toBeNull();
    expect(app.getState().providers.find((p) => p.id === "fal")!.hasKey).toBe(false);
    expect(app.getState().notices.at(-1)!.message).toMatch(/fal\.ai.*key.*not saved/i);
  });

  it("a good key clears the notice the bad one left", async () => {
    await expect(app.setApiKey("fal", "typo-key")).rejects.toThrow();
    expect(app.getState().notices).toHaveLength(1);
    await app.setApiKey("fal", "good-fal-key");
    expect(app.getState().notices).toEqual([]);
    expect(await secrets.get(apiKeyName("fal"))).toBe("good-fal-key");
  });
});

describe("script writing (LLM)", () => {
  it("Test lists the models with the key: no more 'Unknown provider openai-llm'", async () => {
    await app.setApiKey(LLM_KEY_ID, "good-llm-key");
    const r = await app.testConnection(LLM_KEY_ID);
    expect(r).toEqual({ ok: true, message: `The script-writing server at ${server.baseUrl}/v1 accepted the key.` });
    expect(server.requestsTo("llm.models").at(-1)!.headers["authorization"]).toBe("Bearer good-llm-key");
  });

  it("a refused LLM key is not saved", async () => {
    await expect(app.setApiKey(LLM_KEY_ID, "sk-wrong")).rejects.toThrow(/refused.*not saved/);
    expect(await secrets.get(apiKeyName(LLM_KEY_ID))).toBeNull();
  });

  it("a server that does not answer is named by its address, not blamed on the internet connection", async () => {
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/v1`;
    await new Promise<void>((r) => dead.close(() => r()));
    await app.saveSettings({ llmBaseUrl: url });
    await app.setApiKey(LLM_KEY_ID, "good-llm-key"); // saved: it could not be checked, and says so
    const warning = app.getState().notices.at(-1)!;
    expect(warning.message).toContain(url);
    expect(warning.message).not.toMatch(/internet connection/);
    const r = await app.testConnection(LLM_KEY_ID);
    expect(r.ok).toBe(false);
    expect(r.message).toContain(`could not reach the script-writing server at ${url}`);
  });
});
