/**
 * fal's Platform API as Cutaway's connection test meets it: `GET /v1/models/pricing?endpoint_id=…`
 * needs `Authorization: Key <key>` and answers 401 without a valid one (docs.fal.ai, platform-apis
 * v1/models/pricing: "Authentication: Required"). `validKeys` null accepts any well-formed key (the
 * workbench); a set accepts only those, as fal does. Endpoint name: fal.pricing.
 */
import type { FakeMode, FakeRequest, Route } from "./server";

export class FalPlatformMode implements FakeMode {
  readonly name = "fal-platform";
  constructor(public validKeys: ReadonlySet<string> | null = null) {}

  routes(): readonly Route[] {
    return [
      {
        method: "GET",
        pattern: "/v1/models/pricing",
        name: "fal.pricing",
        handler: (req: FakeRequest) => {
          const auth = String(req.headers["authorization"] ?? "");
          const key = /^Key (.+)$/.exec(auth)?.[1]?.trim();
          if (!key || (this.validKeys && !this.validKeys.has(key))) return { status: 401, body: { detail: "Invalid API key" } };
          const ids = req.query.getAll("endpoint_id").flatMap((x) => x.split(",")).filter(Boolean);
          if (!ids.length) return { status: 422, body: { detail: "endpoint_id is required" } };
          return { status: 200, body: { prices: ids.map((endpoint_id) => ({ endpoint_id, unit_price: 0.1, unit: "video_second", currency: "USD" })), next_cursor: null, has_more: false } };
        },
      },
    ];
  }
}
