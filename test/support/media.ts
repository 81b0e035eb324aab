/** Tiny media fixtures that pass the signature checks: an MP4 with an ftyp box, a PNG header. */
export function fakeMp4(bytes = 2048, seed = 1): Uint8Array {
  const b = new Uint8Array(bytes);
  b.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]); // size, "ftyp", "isom"
  for (let i = 12; i < bytes; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}
