/** The manifest UXP loads: a wrong id or a missing origin fails only inside Premiere, so it is checked here. */
import fs from "node:fs";
import path from "node:path";
import { FAL_QUEUE_URL } from "../../src/backends/fal/falBackend";
import { FAL_PLATFORM_URL } from "../../src/backends/fal/platformRequests";
import { OPENROUTER_BASE_URL } from "../../src/backends/openaiVideos/openaiVideosBackend";
import { RUNWAY_BASE_URL } from "../../src/backends/runway";
import { VEO_BASE_URL } from "../../src/backends/veo";
import { LUMA_API_URL } from "../../src/backends/luma";
import { REPLICATE_API_URL } from "../../src/backends/replicate";
import { COMFYUI_DEFAULT_URL } from "../../src/backends/comfyui";

const root = path.join(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "manifest.json"), "utf8")) as {
  manifestVersion: number;
  host: { app: string; minVersion: string };
  entrypoints: Array<{ type: string; id: string; icons: Array<{ path: string }> }>;
  requiredPermissions: { network: { domains: string[] }; localFileSystem?: string; clipboard?: string };
};

test("is a v5 Premiere manifest whose panel id is the one the UXP entry registers", () => {
  expect(manifest.manifestVersion).toBe(5);
  expect(manifest.host.app).toBe("premierepro");
  const entry = fs.readFileSync(path.join(root, "src/entry/uxp.tsx"), "utf8");
  const id = /PANEL_ID = "([^"]+)"/.exec(entry)?.[1];
  expect(manifest.entrypoints.filter((e) => e.type === "panel").map((e) => e.id)).toEqual([id]);
  for (const icon of manifest.entrypoints[0]!.icons) expect(fs.existsSync(path.join(root, "plugin", icon.path))).toBe(true);
});

test("lists every origin the shipped backends call, and nothing but http(s) origins", () => {
  const domains = manifest.requiredPermissions.network.domains;
  for (const base of [FAL_QUEUE_URL, FAL_PLATFORM_URL, OPENROUTER_BASE_URL, VEO_BASE_URL, RUNWAY_BASE_URL, LUMA_API_URL, REPLICATE_API_URL, COMFYUI_DEFAULT_URL]) expect(domains).toContain(new URL(base).origin);
  expect(domains).toEqual(expect.arrayContaining(["https://v3.fal.media", "https://openrouter.ai", "http://localhost:8188", "http://127.0.0.1:4000"]));
  for (const d of domains) expect(d).toMatch(/^https?:\/\/[a-z0-9*.-]+(:\d+)?$/);
});

test("asks for no more than each provider's media needs: no bare loopback beside its ports, no whole CDNs", () => {
  const domains = manifest.requiredPermissions.network.domains;
  expect(domains).not.toContain("http://localhost");
  expect(domains).not.toContain("http://127.0.0.1");
  expect(domains).not.toContain("https://*.cloudfront.net");
  expect(domains).not.toContain("https://storage.googleapis.com");
  // Runway's task outputs are signed links on its own two CloudFront hosts
  expect(domains).toEqual(expect.arrayContaining(["https://dnznrvs05pmza.cloudfront.net", "https://d2jqrm6oza8nb6.cloudfront.net"]));
});

test("declares the clipboard permission Copy prompt needs in UXP (it has no write-only level)", () => {
  expect(manifest.requiredPermissions.clipboard).toBe("readAndWrite");
});
