/** multipart/form-data as a server reads it: text fields and files, in order (the fake provider's uploads). */
export interface FormPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

/** The parts of a multipart body, or null when it is not one (no boundary, no closing delimiter). */
export function parseMultipart(contentType: string | undefined, body: Buffer): FormPart[] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  if (!contentType?.toLowerCase().startsWith("multipart/form-data") || !boundary) return null;
  const delim = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delim);
  if (at < 0) return null;
  for (;;) {
    at += delim.length;
    if (body.subarray(at, at + 2).toString() === "--") return parts;
    const next = body.indexOf(delim, at);
    if (next < 0) return null;
    // each part: CRLF, headers, blank line, data, CRLF before the next delimiter
    const chunk = body.subarray(at + 2, next - 2);
    const split = chunk.indexOf("\r\n\r\n");
    if (split < 0) return null;
    const headers = chunk.subarray(0, split).toString("utf8");
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (name === undefined) return null;
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    parts.push({ name, data: chunk.subarray(split + 4), ...(filename !== undefined ? { filename } : {}), ...(type ? { contentType: type } : {}) });
    at = next;
  }
}
