/**
 * Redirects of a request that carries a key, followed hop by hop: fetch's own `redirect: "follow"`
 * keeps custom headers (`x-goog-api-key`, and in some runtimes `Authorization`) across origins, so
 * it would hand the editor's key to whatever host a redirect names. Each hop goes out with
 * `redirect: "manual"` and the key headers travel only to the origin the request was made for.
 * (UXP's fetch has also failed reading a body after a redirect; resolving hops here avoids that.)
 * Requests without a key are left to fetch as they are.
 */
import type { Fetch } from "../platform/ports";
import { GenerationError } from "./errors";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;
/** headers that carry credentials whatever their value */
const KEY_HEADERS = new Set(["authorization", "proxy-authorization", "x-goog-api-key", "x-api-key", "cookie"]);

export interface KeyedRedirectOptions {
  /** the key values: any header holding one is a key header too */
  readonly secrets: readonly string[];
  /** the provider's name in messages, and its backend id */
  readonly provider: string;
  readonly providerId: string;
}

/** A Fetch that follows a keyed request's redirects itself and sends its key only to its own origin. */
export function keyedRedirects(fetchFn: Fetch, o: KeyedRedirectOptions): Fetch {
  const isKey = (name: string, value: string): boolean => KEY_HEADERS.has(name.toLowerCase()) || o.secrets.some((s) => s.length >= 4 && value.includes(s));
  const wrapped = async (input: Parameters<Fetch>[0], init?: RequestInit): Promise<Response> => {
    // HttpClient hands string URLs and plain header records; anything else is not ours to rewrite
    const headers = init?.headers;
    if (typeof input !== "string" || (headers !== undefined && (typeof headers !== "object" || headers instanceof Headers || Array.isArray(headers)))) return fetchFn(input, init);
    const all = { ...(headers as Record<string, string> | undefined) };
    if (!Object.entries(all).some(([k, v]) => isKey(k, v))) return fetchFn(input, init);
    const home = originOf(input);
    const withoutKeys = Object.fromEntries(Object.entries(all).filter(([k, v]) => !isKey(k, v)));
    let url = input;
    let hopInit: RequestInit = { ...init };
    for (let hop = 0; ; hop++) {
      const res = await fetchFn(url, { ...hopInit, headers: originOf(url) === home ? all : withoutKeys, redirect: "manual" });
      if (res.type === "opaqueredirect") {
        // a browser-style fetch hides where it points: following blindly could carry the key anywhere
        throw new GenerationError("invalid_request", `${o.provider} answered with a redirect this runtime hides, and Cutaway does not send your key to a host it cannot see. Try again in Premiere, or download the clip from ${o.provider}.`, { provider: o.providerId });
      }
      const location = res.headers.get("location");
      if (!REDIRECTS.has(res.status) || !location) return res;
      await res.body?.cancel().catch(() => undefined);
      if (hop >= MAX_HOPS) throw new GenerationError("transient", `${o.provider} redirected Cutaway more than ${MAX_HOPS} times; Cutaway will try again.`, { provider: o.providerId, status: res.status });
      const next = new URL(location, url);
      if (next.protocol !== "https:" && next.protocol !== "http:") return res;
      url = next.toString();
      // 303 (and 301/302 after a POST, as browsers do) turn into a GET without the body
      const method = (hopInit.method ?? "GET").toUpperCase();
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
        hopInit = { ...hopInit, method: "GET" };
        delete hopInit.body;
        delete all["content-type"];
        delete withoutKeys["content-type"];
      }
    }
  };
  return wrapped as Fetch;
}

/** The origin of a URL, or "" when it cannot be parsed: keys are sent only to the provider's own origin. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}
