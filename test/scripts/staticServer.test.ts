/** `npm start`'s server: no sibling folders, 400 on a bad escape, a free port when 8080 is taken. */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { FakeServer } from "../fake/server";
import { FalMode } from "../fake/falMode";
import { fakeMp4 } from "../support/media";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createStaticServer, listenFree, resolveInside, PortTaken } = require("../../scripts/staticServer") as {
  createStaticServer: (dir: string) => http.Server;
  listenFree: (s: http.Server, port: number, o?: { explicit?: boolean }) => Promise<number>;
  resolveInside: (dir: string, p: string) => string | null;
  PortTaken: new (port: number) => Error;
};

function get(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the workbench's static server", () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "cw-static-"));
  const dir = path.join(base, "workbench");
  fs.mkdirSync(dir);
  fs.mkdirSync(path.join(base, "workbench-secrets"));
  fs.writeFileSync(path.join(dir, "index.html"), "<p>panel</p>");
  fs.writeFileSync(path.join(base, "workbench-secrets", "key.txt"), "secret");
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = createStaticServer(dir);
    port = await listenFree(server, 0, { explicit: true });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("serves the folder's files", async () => {
    expect(await get(port, "/")).toEqual({ status: 200, body: "<p>panel</p>" });
  });

  it("never serves a sibling folder whose name starts the same", async () => {
    expect(resolveInside(dir, "/../workbench-secrets/key.txt")).toBeNull();
    const r = await get(port, "/..%2Fworkbench-secrets%2Fkey.txt");
    expect(r.status).toBe(404);
    expect(r.body).not.toContain("secret");
  });

  it("answers 400 to a malformed %-escape and keeps serving", async () => {
    expect((await get(port, "/%E0%A4%A")).status).toBe(400);
    expect((await get(port, "/index.html")).status).toBe(200);
  });
});

describe("picking a port", () => {
  let taken: http.Server;
  let takenPort: number;
  beforeAll(async () => {
    taken = http.createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    takenPort = (taken.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => taken.close(() => r())));

  it("moves to a free port when the default one is taken", async () => {
    const s = createStaticServer(os.tmpdir());
    const p = await listenFree(s, takenPort);
    expect(p).not.toBe(takenPort);
    expect(p).toBeGreaterThan(0);
    await new Promise<void>((r) => s.close(() => r()));
  });

  it("says what to do when the PORT the editor chose is taken", async () => {
    const s = createStaticServer(os.tmpdir());
    await expect(listenFree(s, takenPort, { explicit: true })).rejects.toThrow(/already in use.*PORT=/);
    await expect(listenFree(s, takenPort, { explicit: true })).rejects.toBeInstanceOf(PortTaken);
  });
});

describe("the fake provider", () => {
  it("answers 400 to a malformed %-escape instead of crashing, and keeps serving", async () => {
    const fake = await new FakeServer([new FalMode(fakeMp4(1024, 1))]).start();
    try {
      const port = Number(new URL(fake.baseUrl).port);
      expect((await get(port, "/fal-ai/%E0%A4%A")).status).toBe(400);
      expect((await get(port, "/requests/%zz/status")).status).toBeLessThan(500);
      expect((await get(port, "/nothing-here")).status).toBe(404);
    } finally {
      await fake.stop();
    }
  });
});
