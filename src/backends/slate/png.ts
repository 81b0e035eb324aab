/**
 * A small PNG encoder that runs anywhere (UXP has no zlib, no Buffer, no TextEncoder): 8-bit RGB,
 * every row filtered "Up" so flat slate areas become runs of zeros, compressed with fixed-Huffman
 * deflate and run-length matches (distance 1). A 1080p slate comes out at tens of kilobytes, and the
 * same pixels always give the same bytes.
 */
import { crc32 } from "../../core/bytes/crc32";

class Bytes {
  buf = new Uint8Array(1 << 16);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.len++] = b;
  }
  u32(v: number): void {
    this.push((v >>> 24) & 255);
    this.push((v >>> 16) & 255);
    this.push((v >>> 8) & 255);
    this.push(v & 255);
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

/** Deflate bit writer: LSB first; Huffman codes go in reversed. */
class Bits {
  private acc = 0;
  private n = 0;
  constructor(private readonly out: Bytes) {}
  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) {
        this.out.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  huff(code: number, len: number): void {
    let rev = 0;
    for (let i = 0; i < len; i++) rev |= ((code >>> i) & 1) << (len - 1 - i);
    this.write(rev, len);
  }
  flush(): void {
    if (this.n > 0) this.out.push(this.acc);
    this.acc = 0;
    this.n = 0;
  }
}

function literal(bits: Bits, v: number): void {
  if (v < 144) bits.huff(0x30 + v, 8);
  else if (v < 256) bits.huff(0x190 + v - 144, 9);
  else if (v < 280) bits.huff(v - 256, 7);
  else bits.huff(0xc0 + v - 280, 8);
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

/** A match of `len` (3–258) bytes at distance 1: repeat the previous byte. */
function runOf(bits: Bits, len: number): void {
  let i = LEN_BASE.length - 1;
  while (LEN_BASE[i]! > len) i--;
  literal(bits, 257 + i);
  bits.write(len - LEN_BASE[i]!, LEN_EXTRA[i]!);
  bits.huff(0, 5); // distance code 0 = distance 1, no extra bits
}

function deflateFixed(data: Uint8Array, out: Bytes): void {
  const bits = new Bits(out);
  bits.write(1, 1); // final block
  bits.write(1, 2); // fixed Huffman
  let i = 0;
  while (i < data.length) {
    const v = data[i]!;
    literal(bits, v);
    i++;
    let run = 0;
    while (i + run < data.length && data[i + run] === v && run < 258) run++;
    if (run >= 3) {
      runOf(bits, run);
      i += run;
    }
  }
  literal(bits, 256);
  bits.flush();
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function chunk(out: Bytes, type: string, body: Uint8Array): void {
  out.u32(body.length);
  const start = out.len;
  for (let i = 0; i < 4; i++) out.push(type.charCodeAt(i));
  for (let i = 0; i < body.length; i++) out.push(body[i]!);
  out.u32(crc32(out.buf, start, out.len));
}

/** Encodes RGB pixels (width × height × 3 bytes, rows top to bottom) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  if (rgb.length !== width * height * 3) throw new RangeError(`encodePng: expected ${width * height * 3} bytes, got ${rgb.length}`);
  const stride = width * 3;
  const filtered = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    filtered[o] = 2; // "Up": difference from the row above
    const row = y * stride;
    for (let x = 0; x < stride; x++) filtered[o + 1 + x] = (rgb[row + x]! - (y > 0 ? rgb[row - stride + x]! : 0)) & 255;
  }
  const z = new Bytes();
  z.push(0x78);
  z.push(0x01);
  deflateFixed(filtered, z);
  z.u32(adler32(filtered));

  const out = new Bytes();
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].forEach((b) => out.push(b));
  const ihdr = new Bytes();
  ihdr.u32(width);
  ihdr.u32(height);
  [8, 2, 0, 0, 0].forEach((b) => ihdr.push(b)); // 8-bit, truecolour, deflate, adaptive filters, no interlace
  chunk(out, "IHDR", ihdr.bytes());
  chunk(out, "IDAT", z.bytes());
  chunk(out, "IEND", new Uint8Array(0));
  return out.bytes().slice();
}
