/**
 * Veo's video URI answers with a redirect to Google's storage. Two reasons to follow it here instead of
 * letting fetch do it: UXP's fetch has failed reading `arrayBuffer()` after a redirect (resolve the final
 * URL first, then fetch it fresh), and fetch keeps custom headers across origins, which would carry the
 * `x-goog-api-key` to whatever host the redirect names. Each hop is fetched with `redirect: "manual"`; the
 * key header goes only to the provider's own origin.
 */
import type { Fetch } from "../../platform/ports";
import { originOf } from "../http";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;

export function followRedirectsKeepingKey(fetchFn: Fetch, keyHeader: string, providerOrigin: string): Fetch {
  const key = keyHeader.toLowerCase();
  const wrapped = async (input: Parameters<Fetch>[0], init?: RequestInit): Promise<Response> => {
    // only the GETs HttpClient makes (string URLs, plain header records) are resolved hop by hop
    if (typeof input !== "string" || (init?.method ?? "GET") !== "GET") return fetchFn(input, init);
    let url = input;
    let headers: Record<string, string> = { ...((init?.headers as Record<string, string> | undefined) ?? {}) };
    for (let hop = 0; ; hop++) {
      const res = await fetchFn(url, { ...init, headers, redirect: "manual" });
      if (res.type === "opaqueredirect") {
        // a browser-style fetch hides the target: let the platform follow it, as Google's own `curl -L` does
        return fetchFn(url, { ...init, headers, redirect: "follow" });
      }
      const location = res.headers.get("location");
      if (!REDIRECTS.has(res.status) || !location || hop >= MAX_HOPS) return res;
      await res.body?.cancel().catch(() => undefined);
      const next = new URL(location, url).toString();
      if (originOf(next) !== providerOrigin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== key));
      url = next;
    }
  };
  return wrapped as Fetch;
}
