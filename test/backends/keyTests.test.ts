/**
 * Settings › Test for the providers whose check had no fake to meet (issue 14 item 6): each is a
 * free call that needs a valid key, and the fake refuses a wrong one as the provider does.
 */
import { FalBackend } from "../../src/backends/fal/falBackend";
import { LumaBackend } from "../../src/backends/luma";
import { OpenAIVideosBackend } from "../../src/backends/openaiVideos/openaiVideosBackend";
import { FalMode } from "../fake/falMode";
import { FalPlatformMode } from "../fake/falPlatformMode";
import { LumaMode } from "../fake/lumaMode";
import { OpenAIVideosMode } from "../fake/openaiVideosMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";

const media = fakeMp4(1024, 1);

it("fal: the Platform API's pricing with `Key …`", async () => {
  const server = await new FakeServer([new FalMode(media), new FalPlatformMode(new Set(["right"]))]).start();
  try {
    await expect(new FalBackend({ fetch, apiKey: "right", baseUrl: server.baseUrl }).testConnection()).resolves.toBeUndefined();
    await expect(new FalBackend({ fetch, apiKey: "wrong", baseUrl: server.baseUrl }).testConnection()).rejects.toMatchObject({ reason: "auth" });
    expect(server.requestsTo("fal.pricing").map((r) => r.path)).toEqual(["/v1/models/pricing", "/v1/models/pricing"]);
    expect(server.count("fal.submit")).toBe(0);
  } finally {
    await server.stop();
  }
});

it("OpenRouter: GET /key (its model list answers without a key, so it proves nothing)", async () => {
  const mode = new OpenAIVideosMode(media, media, { prefix: "/api/v1", variant: "openrouter" });
  mode.validKeys = new Set(["right"]);
  const server = await new FakeServer([mode]).start();
  try {
    const make = (apiKey: string) => new OpenAIVideosBackend({ fetch, apiKey, baseUrl: `${server.baseUrl}/api/v1`, variant: "openrouter" });
    await expect(make("right").testConnection()).resolves.toBeUndefined();
    await expect(make("wrong").testConnection()).rejects.toMatchObject({ reason: "auth" });
    expect(server.count("openrouter.key")).toBe(2);
  } finally {
    await server.stop();
  }
});

it("Luma: GET /credits", async () => {
  const mode = new LumaMode(() => "http://127.0.0.1:9");
  mode.validKeys = new Set(["right"]);
  const server = await new FakeServer([mode]).start();
  try {
    const make = (apiKey: string) => new LumaBackend({ fetch, apiKey, baseUrl: `${server.baseUrl}/dream-machine/v1` });
    await expect(make("right").testConnection()).resolves.toBeUndefined();
    await expect(make("wrong").testConnection()).rejects.toMatchObject({ reason: "auth" });
    expect(server.count("luma.credits")).toBe(2);
  } finally {
    await server.stop();
  }
});
