/** slate: rendering + PNG encoding of a card at 1080p and 2160p (the offline default must feel instant). */
import { renderSlate } from "../../src/backends/slate/render";
import { timeMedian } from "./stats";

export async function run(): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (const [w, h] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    const card = { width: w, height: h, shotNumber: 7, prompt: "Old town market, stalls opening, warm light, documentary handheld", durationSeconds: 6, timecode: "00:01:28:05" };
    let bytes = 0;
    const ms = await timeMedian(w > 2000 ? 5 : 9, () => {
      bytes = renderSlate(card).byteLength;
    });
    out.push({ bench: "slate", n: w * h, median_ms: ms, bytes });
  }
  return out;
}
