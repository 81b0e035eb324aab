/**
 * OpenAI's Responses API as the fake provider speaks it (`POST /v1/responses`), for the LLM script
 * breakdown. Each test decides the answer: structured JSON, a refusal, broken JSON, a cut-off reply.
 * Endpoint name for counts and faults: llm.responses.
 */
import type { FakeMode, FakeRequest, FakeResponse } from "./server";

export type LlmReply =
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "refusal"; readonly refusal: string }
  | { readonly kind: "incomplete"; readonly text: string };

export class ResponsesMode implements FakeMode {
  readonly name = "responses";
  readonly bodies: Array<Record<string, unknown>> = [];
  reply: (body: Record<string, unknown>) => LlmReply = () => ({ kind: "text", text: "{}" });

  routes(): ReturnType<FakeMode["routes"]> {
    return [{ method: "POST", pattern: "/v1/responses", name: "llm.responses", handler: (req) => this.answer(req) }];
  }

  private answer(req: FakeRequest): FakeResponse {
    const body = (req.json ?? {}) as Record<string, unknown>;
    this.bodies.push(body);
    const r = this.reply(body);
    const content =
      r.kind === "refusal"
        ? [{ type: "refusal", refusal: r.refusal }]
        : [{ type: "output_text", text: r.kind === "json" ? JSON.stringify(r.value) : r.text, annotations: [] }];
    return {
      status: 200,
      body: {
        id: `resp_${this.bodies.length}`,
        object: "response",
        created_at: 1_764_000_000,
        status: r.kind === "incomplete" ? "incomplete" : "completed",
        ...(r.kind === "incomplete" ? { incomplete_details: { reason: "max_output_tokens" } } : {}),
        model: body["model"] ?? "gpt-test",
        output: [{ type: "message", id: "msg_1", status: "completed", role: "assistant", content }],
        usage: { input_tokens: 100, output_tokens: 200, total_tokens: 300 },
      },
    };
  }
}
