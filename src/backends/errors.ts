/**
 * Every provider failure maps onto one typed set. The message is for the editor and must say
 * what to do next; it never contains a key.
 */
import { CutawayError } from "../core/errors";

export type GenerationErrorReason =
  | "auth"
  | "quota"
  | "rate_limited"
  | "content_policy"
  | "invalid_request"
  | "transient"
  | "expired"
  | "cancelled";

export class GenerationError extends CutawayError {
  constructor(
    readonly reason: GenerationErrorReason,
    message: string,
    readonly details: {
      readonly provider?: string;
      readonly status?: number;
      /** seconds to wait before the next call (rate_limited, some transient) */
      readonly retryAfterSeconds?: number;
      /** the request may have reached the provider: reconcile, never blindly resubmit */
      readonly outcomeUnknown?: boolean;
      readonly providerCode?: string;
    } = {},
  ) {
    super(reason, message);
    this.name = "GenerationError";
  }

  get retryable(): boolean {
    return this.reason === "rate_limited" || this.reason === "transient";
  }
}
