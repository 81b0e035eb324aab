/** fal's side of the gateway descriptors: its capabilities and the call for one request. */
import { GenerationError } from "../errors";
import { buildGatewayInput } from "../gatewayInput";
import { gatewayCapabilities } from "../gatewayModels";
import type { GenerationRequest, ModelCapabilities } from "../types";
import type { FalEndpoint, FalModelDescriptor } from "./models";

export interface FalCall {
  readonly endpoint: FalEndpoint;
  readonly input: Record<string, unknown>;
}

export function falCapabilities(m: FalModelDescriptor): ModelCapabilities {
  return gatewayCapabilities(m);
}

export function buildFalCall(m: FalModelDescriptor, req: GenerationRequest): FalCall {
  return buildGatewayInput(m, req, (message) => new GenerationError("invalid_request", message, { provider: "fal" }));
}
