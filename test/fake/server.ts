/**
 * The fake provider: one loopback HTTP server (random port) that speaks each provider's API shape
 * through "modes" (test/fake/modes/*), counts requests per endpoint, and injects faults so backends
 * and the job engine are tested exactly as they will meet real providers — without any network.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export interface FakeRequest {
  readonly method: string;
  /** path without the query string */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** body parsed as JSON when it is JSON, else undefined */
  readonly json: unknown;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** an object is sent as JSON; a Buffer as is; a Readable is streamed (large media) */
  body?: unknown;
}

export type RouteHandler = (req: FakeRequest, params: Record<string, string>) => FakeResponse | Promise<FakeResponse>;

export interface Route {
  readonly method: string;
  /** "/v1/videos/:id/content"; a trailing "*" matches the rest ("/fal-ai/*") into params["*"] */
  readonly pattern: string;
  /** endpoint name used in counts and faults; defaults to "METHOD pattern" */
  readonly name?: string;
  readonly handler: RouteHandler;
}

/**
 * A fault applies to the n-th call (1-based) of an endpoint, or to every call when `nth` is absent.
 * - status: answer that status (with headers/body) without running the handler
 * - reset-before: destroy the socket before handling (nothing happened at the provider)
 * - reset-after: run the handler (the job exists!) then destroy the socket (outcome unknown)
 * - reset-mid-body: send headers and half the body, then destroy
 * - truncate: declare the full Content-Length, send half the body, end
 * - malformed-json: run the handler, send broken JSON with status 200
 * - delay: wait `ms` before handling
 */
export type Fault =
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: "reset-before" }
  | { kind: "reset-after" }
  | { kind: "reset-mid-body" }
  | { kind: "truncate" }
  | { kind: "malformed-json" }
  | { kind: "delay"; ms: number };

export interface FaultRule {
  readonly endpoint: string;
  readonly nth?: number;
  readonly times?: number;
  readonly fault: Fault;
}

export interface FakeMode {
  readonly name: string;
  routes(server: FakeServer): readonly Route[];
}

export interface RecordedRequest extends FakeRequest {
  readonly endpoint: string;
  /** wall clock when it arrived (ms) */
  readonly at: number;
}

export class FakeServer {
  private server: http.Server | null = null;
  private routes: Route[] = [];
  private faults: (FaultRule & { used: number })[] = [];
  private readonly counts = new Map<string, number>();
  readonly requests: RecordedRequest[] = [];
  baseUrl = "";

  constructor(modes: readonly FakeMode[] = []) {
    for (const m of modes) this.use(m);
  }

  use(mode: FakeMode): this {
    this.routes.push(...mode.routes(this));
    return this;
  }

  addRoute(route: Route): this {
    this.routes.push(route);
    return this;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  inject(rule: FaultRule): this {
    this.faults.push({ ...rule, used: 0 });
    return this;
  }

  clearFaults(): void {
    this.faults = [];
  }

  count(endpoint: string): number {
    return this.counts.get(endpoint) ?? 0;
  }

  countsByEndpoint(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  requestsTo(endpoint: string): RecordedRequest[] {
    return this.requests.filter((r) => r.endpoint === endpoint);
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchPattern(route.pattern, path);
      if (params) return { route, params };
    }
    return null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake");
    let json: unknown;
    if (body.length > 0) {
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        json = undefined;
      }
    }
    // the browser workbench calls the fake from another origin, exactly as the panel calls providers
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...CORS, "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*" });
      res.end();
      return;
    }
    const fakeReq: FakeRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body, json };
    let m: ReturnType<FakeServer["match"]>;
    try {
      m = this.match(fakeReq.method, fakeReq.path);
    } catch {
      // a malformed %-escape: a real provider answers 400, it does not fall over
      send(res, { status: 400, body: { error: { message: `fake: malformed path ${fakeReq.path}` } } });
      return;
    }
    if (!m) {
      send(res, { status: 404, body: { error: { message: `fake: no route for ${fakeReq.method} ${fakeReq.path}` } } });
      return;
    }
    const endpoint = m.route.name ?? `${m.route.method} ${m.route.pattern}`;
    const n = (this.counts.get(endpoint) ?? 0) + 1;
    this.counts.set(endpoint, n);
    this.requests.push({ ...fakeReq, endpoint, at: Date.now() });

    const faults = this.faults.filter((f) => {
      if (f.endpoint !== endpoint) return false;
      if (f.nth !== undefined && f.nth !== n) return false;
      if (f.times !== undefined && f.used >= f.times) return false;
      return true;
    });
    for (const f of faults) f.used += 1;
    for (const f of faults) if (f.fault.kind === "delay") await sleep(f.fault.ms);
    const fault = faults.find((f) => f.fault.kind !== "delay")?.fault;

    if (fault?.kind === "status") {
      send(res, { status: fault.status, headers: fault.headers, body: fault.body ?? { error: { message: `fake ${fault.status}` } } });
      return;
    }
    if (fault?.kind === "reset-before") {
      req.socket.destroy();
      return;
    }
    let out: FakeResponse;
    try {
      out = await m.route.handler(fakeReq, m.params);
    } catch (e) {
      out = { status: 500, body: { error: { message: `fake handler threw: ${(e as Error).message}` } } };
    }
    switch (fault?.kind) {
      case "reset-after":
        req.socket.destroy();
        return;
      case "malformed-json":
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"id": "broken", "status": ');
        return;
      case "reset-mid-body":
      case "truncate": {
        const buf = encode(out.body);
        res.writeHead(out.status, { ...out.headers, "content-length": String(buf.length) });
        res.write(buf.subarray(0, Math.floor(buf.length / 2)));
        if (fault.kind === "reset-mid-body") setTimeout(() => req.socket.destroy(), 5);
        else setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      default:
        send(res, out);
    }
  }
}

function encode(body: unknown): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  return Buffer.from(JSON.stringify(body));
}

const CORS = { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST, PUT, DELETE", "access-control-expose-headers": "retry-after, content-length" };

function send(res: http.ServerResponse, out: FakeResponse): void {
  if (out.body instanceof Readable) {
    res.writeHead(out.status, { ...CORS, ...out.headers });
    out.body.pipe(res);
    return;
  }
  const isBinary = Buffer.isBuffer(out.body) || out.body instanceof Uint8Array;
  const buf = encode(out.body);
  const headers: Record<string, string> = { ...CORS, ...(out.body !== undefined && !isBinary ? { "content-type": "application/json" } : {}), ...out.headers, "content-length": String(buf.length) };
  res.writeHead(out.status, headers);
  res.end(buf);
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const s = path.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg === "*") {
      params["*"] = s.slice(i).map(decodeURIComponent).join("/");
      return s.length > i ? params : null;
    }
    const v = s[i];
    if (v === undefined) return null;
    if (seg.startsWith(":")) params[seg.slice(1)] = decodeURIComponent(v);
    else if (seg.includes(":") && !seg.startsWith(":")) {
      // "{model}:predictLongRunning" style: literal suffix after a param, e.g. ":model:predictLongRunning" is not used; support "name:verb" literal
      if (seg !== v) return null;
    } else if (seg !== v) return null;
  }
  return s.length === p.length ? params : null;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
