/**
 * Byte helpers for the ComfyUI upload: a multipart body built by hand (UXP's FormData drops or
 * mangles binary parts) and UTF-8 without TextEncoder (absent in UXP), plus a prompt id derived
 * from the idempotency key so a resubmit of the same shot names the same ComfyUI job.
 */

export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export type MultipartPart =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly filename: string; readonly contentType: string; readonly bytes: Uint8Array };

/** RFC 7578 body; the boundary is fixed per call and cannot occur in our own field values. */
export function multipartBody(parts: readonly MultipartPart[], boundary: string): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const chunks: Uint8Array[] = [];
  const quote = (s: string) => s.replace(/["\r\n\\]/g, "_");
  for (const p of parts) {
    const head =
      "filename" in p
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${quote(p.name)}"; filename="${quote(p.filename)}"\r\nContent-Type: ${p.contentType}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${quote(p.name)}"\r\n\r\n`;
    chunks.push(utf8(head), "filename" in p ? p.bytes : utf8(p.value), utf8("\r\n"));
  }
  chunks.push(utf8(`--${boundary}--\r\n`));
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** 128 bits of FNV-1a over four seeds: deterministic, no crypto module needed (none in UXP). */
function hash128(s: string): number[] {
  const bytes = utf8(s);
  return [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let h = seed >>> 0;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    // avalanche, so keys differing in one character differ everywhere
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  });
}

/** A UUID (version 8, "custom") that is the same for the same key: ComfyUI's client-chosen prompt_id. */
export function uuidFromKey(key: string): string {
  const hex = hash128(`cutaway:${key}`)
    .map((n) => n.toString(16).padStart(8, "0"))
    .join("");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 32-bit seed from the key, so a resubmitted shot renders the same take. */
export function seedFromKey(key: string): number {
  return hash128(`seed:${key}`)[0]! % 2147483647;
}
