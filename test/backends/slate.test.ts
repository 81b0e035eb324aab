/** Slates: valid PNGs at the sequence size, identical for identical input, readable for any prompt. */
import { PNG } from "pngjs";
import { GenerationError } from "../../src/backends/errors";
import { renderSlate, shotColour, wrap } from "../../src/backends/slate/render";
import { SlateBackend } from "../../src/backends/slate/slateBackend";
import { encodePng } from "../../src/backends/slate/png";

const card = { width: 1920, height: 1080, shotNumber: 12, prompt: "Fishing boats unloading at first light", durationSeconds: 4, timecode: "00:00:58:17" };

function decode(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

describe("slate cards", () => {
  it("decodes at the sequence frame size with the shot colour and the safe-area frame", () => {
    const png = decode(renderSlate(card));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    expect(pixel(png, 5, 5)).toEqual([...shotColour(12)]);
    // the action-safe frame (3.5% in) is drawn in grey
    expect(pixel(png, Math.round(1920 * 0.035), 540)).toEqual([150, 150, 150]);
    expect(pixel(png, 960, Math.round(1080 * 0.035))).toEqual([150, 150, 150]);
  });

  it("is byte-identical for the same input and differs by shot", () => {
    expect(Buffer.from(renderSlate(card)).equals(Buffer.from(renderSlate(card)))).toBe(true);
    expect(shotColour(1)).not.toEqual(shotColour(2));
    expect(pixel(decode(renderSlate({ ...card, shotNumber: 13 })), 5, 5)).not.toEqual(pixel(decode(renderSlate(card)), 5, 5));
  });

  it("stays small: flat areas compress", () => {
    expect(renderSlate(card).byteLength).toBeLessThan(200_000);
  });

  it("survives long, emoji, RTL and empty prompts, cutting long text with dots", () => {
    for (const prompt of ["x".repeat(20_000), "🎬🚁 drone over the city 🌆", "סירות דייגים בשחר", "", "   \t\n  "]) {
      const png = decode(renderSlate({ ...card, prompt }));
      expect(png.width).toBe(1920);
    }
    const lines = wrap("ONE TWO THREE FOUR FIVE SIX SEVEN", 9, 2);
    expect(lines).toEqual(["ONE TWO", "THREE..."]);
  });

  it.each([
    [0, 1080],
    [-5, 1080],
    [Number.NaN, 1080],
    [1920.5, 1080],
    [100_000, 1080],
  ])("refuses a %p×%p card with a typed error", (width, height) => {
    expect(() => renderSlate({ ...card, width, height })).toThrow(GenerationError);
  });

  it("encodes exact pixels (round trip through a real decoder)", () => {
    const rgb = new Uint8Array(7 * 3 * 3);
    for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 37) & 255;
    const png = decode(encodePng(7, 3, rgb));
    for (let p = 0; p < 21; p++) expect(pixel(png, p % 7, Math.floor(p / 7))).toEqual([rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]]);
  });
});

describe("slate backend", () => {
  it("completes at once, free, and downloads the PNG; a reloaded backend renders it from the journaled ref", async () => {
    const b = new SlateBackend();
    const req = { model: "slate", prompt: "harbour", durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: 3 };
    const ref = await b.submit(req, { idempotencyKey: "k1" });
    expect(await b.status(ref)).toMatchObject({ state: "completed", costUsd: 0 });
    const fresh = new SlateBackend();
    const dl = await fresh.download(ref);
    const parts: Uint8Array[] = [];
    for await (const c of dl.chunks) parts.push(c);
    const png = decode(Buffer.concat(parts));
    expect([png.width, png.height, dl.extension, dl.contentLength]).toEqual([1280, 720, "png", parts[0]!.byteLength]);
    expect(b.capabilities().models[0]!.pricePerSecondUsd).toBe(0);
  });
});

test("a finished slate carries a small inline thumbnail of its card for the Jobs list", async () => {
  const b = new SlateBackend();
  const ref = await b.submit({ model: "slate", prompt: "Fishing boats at first light", durationSeconds: 4, aspect: "16:9", size: { width: 1920, height: 1080 }, shotNumber: 2 }, { idempotencyKey: "t" });
  const st = await b.status(ref);
  expect(st.state).toBe("completed");
  const url = (st as { thumbnailUrl?: string }).thumbnailUrl!;
  expect(url).toMatch(/^data:image\/png;base64,/);
  const png = PNG.sync.read(Buffer.from(url.split(",")[1]!, "base64"));
  expect([png.width, png.height]).toEqual([160, 90]);
});
