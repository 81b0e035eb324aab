/** Replicate's side of the gateway descriptors: its capabilities and the call for one request. */
import { GenerationError } from "../errors";
import { buildGatewayInput } from "../gatewayInput";
import { gatewayCapabilities } from "../gatewayModels";
import type { GenerationRequest, ModelCapabilities } from "../types";
import type { ReplicateEndpoint, ReplicateModel } from "./models";

export interface ReplicateCall {
  readonly endpoint: ReplicateEndpoint;
  readonly input: Record<string, unknown>;
}

export function replicateCapabilities(m: ReplicateModel): ModelCapabilities {
  return gatewayCapabilities(m);
}

export function buildReplicateCall(m: ReplicateModel, req: GenerationRequest): ReplicateCall {
  return buildGatewayInput(m, req, (message) => new GenerationError("invalid_request", message, { provider: "replicate" }));
}
