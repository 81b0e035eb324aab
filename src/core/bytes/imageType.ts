/** PNG or JPEG by its first bytes (the two kinds of still Cutaway reads, writes and sends); null for anything else. */
export type ImageType = { readonly ext: "png"; readonly mimeType: "image/png" } | { readonly ext: "jpg"; readonly mimeType: "image/jpeg" };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const starts = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(PNG)) return { ext: "png", mimeType: "image/png" };
  if (starts(JPEG)) return { ext: "jpg", mimeType: "image/jpeg" };
  return null;
}
