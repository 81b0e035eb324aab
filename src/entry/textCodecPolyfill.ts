/**
 * UXP has no TextEncoder/TextDecoder; the openai SDK (script LLM) uses them for request bodies and
 * streamed replies. Installed once at the UXP entry, only where missing, on Cutaway's own UTF-8 code.
 * Streaming decode is not needed (Cutaway does not stream LLM replies), so `stream` is accepted and ignored.
 */
import { utf8Decode, utf8Encode } from "../core/bytes/utf8";

class Utf8Encoder {
  readonly encoding = "utf-8";
  encode(input = ""): Uint8Array {
    return utf8Encode(input);
  }
}

class Utf8Decoder {
  readonly encoding = "utf-8";
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    if (!input) return "";
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return utf8Decode(bytes);
  }
}

export function installTextCodecs(g: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  if (typeof g["TextEncoder"] !== "function") g["TextEncoder"] = Utf8Encoder;
  if (typeof g["TextDecoder"] !== "function") g["TextDecoder"] = Utf8Decoder;
}
