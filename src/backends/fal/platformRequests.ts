/**
 * fal's queue cannot list a key's requests; its Platform API can (fal.ai/docs platform-apis,
 * `GET https://api.fal.ai/v1/models/requests/by-endpoint`, checked Nov 2026): `endpoint_id`,
 * `start` (ISO 8601), `limit` ≤ 100, `cursor` pages, and `expand=payloads` for each request's
 * `json_input`, with the same `Authorization: Key …`. It lists a request once it has ended (sorted
 * by end time), so a create whose answer was lost shows up after it rendered, not while it renders.
 */
import type { HttpClient } from "../http";
import { falRequestListSchema, type FalListedRequest } from "./schemas";

export const FAL_PLATFORM_URL = "https://api.fal.ai/v1";

/** a lost create is looked for among recent requests: a few pages at most */
const MAX_PAGES = 10;

/** Every listed request of `endpointId` since `sinceMs`, with its input. */
export async function listRequests(http: HttpClient, platformUrl: string, headers: Readonly<Record<string, string>>, endpointId: string, sinceMs: number): Promise<FalListedRequest[]> {
  const out: FalListedRequest[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const q = new URLSearchParams({ endpoint_id: endpointId, start: new Date(sinceMs).toISOString(), expand: "payloads", limit: "100" });
    if (cursor) q.set("cursor", cursor);
    const res = await http.json({ method: "GET", url: `${platformUrl}/models/requests/by-endpoint?${q.toString()}`, headers }, falRequestListSchema);
    out.push(...res.items);
    if (!res.has_more || !res.next_cursor) break;
    cursor = res.next_cursor;
  }
  return out;
}

/** When fal received it (ms), from the first time the list gives. */
export function sentAt(r: FalListedRequest): number | undefined {
  const t = Date.parse(r.sent_at ?? r.started_at ?? r.ended_at ?? "");
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The listed input is the one Cutaway sent: every field equal. An image sent as a data URI only has
 * to be there (fal may keep it on its CDN and list that URL instead).
 */
export function sameInput(sent: Readonly<Record<string, unknown>>, listed: unknown): boolean {
  if (typeof listed !== "object" || listed === null || Array.isArray(listed)) return false;
  const got = listed as Record<string, unknown>;
  return Object.entries(sent).every(([k, v]) => (typeof v === "string" && v.startsWith("data:") ? typeof got[k] === "string" : canonical(v) === canonical(got[k])));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "undefined";
}
