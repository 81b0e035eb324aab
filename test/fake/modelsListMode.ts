/**
 * OpenAI's `GET /v1/models` as the LLM key test meets it: free, and 401 without a valid Bearer key
 * (platform.openai.com API reference, Models › List). `validKeys` null accepts any non-empty key.
 * Endpoint name: llm.models.
 */
import type { FakeMode, FakeRequest, Route } from "./server";

export class ModelsListMode implements FakeMode {
  readonly name = "llm-models";
  constructor(public validKeys: ReadonlySet<string> | null = null) {}

  routes(): readonly Route[] {
    return [
      {
        method: "GET",
        pattern: "/v1/models",
        name: "llm.models",
        handler: (req: FakeRequest) => {
          const key = /^Bearer (.+)$/.exec(String(req.headers["authorization"] ?? ""))?.[1]?.trim();
          if (!key || (this.validKeys && !this.validKeys.has(key))) return { status: 401, body: { error: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" } } };
          return { status: 200, body: { object: "list", data: [{ id: "gpt-5-mini", object: "model", created: 1_764_000_000, owned_by: "openai" }] } };
        },
      },
    ];
  }
}
