import fc from "fast-check";
import {
  frameRate,
  framesToTicks,
  framesToTimecode,
  InvalidInputErrorGuard,
} from "./helpers";
import {
  parseRate,
  RATES,
  rateFromTimebase,
  snapToFrame,
  SUPPORTED_RATES,
  ticksFromSeconds,
  ticksToFrames,
  timebaseFromRate,
  timecodeToFrames,
  TICKS_PER_SECOND,
} from "../../src/core/time";

const DAY_FRAMES = (r: { num: number; den: number }) => Math.ceil((86400 * r.num) / r.den);

describe("frames ↔ ticks", () => {
  it("uses Premiere's exact ticks per frame for the common rates", () => {
    expect(framesToTicks(1, RATES.fps23_976)).toBe(10_594_584_000n);
    expect(framesToTicks(1, RATES.fps29_97)).toBe(8_475_667_200n);
    expect(framesToTicks(1, RATES.fps25)).toBe(10_160_640_000n);
    expect(framesToTicks(24000, RATES.fps23_976)).toBe(1001n * TICKS_PER_SECOND);
  });

  it("round-trips every frame of 24 h exactly for every supported rate", () => {
    for (const r of SUPPORTED_RATES) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: DAY_FRAMES(r) }), (n) => ticksToFrames(framesToTicks(n, r), r) === BigInt(n)),
        { numRuns: 300 },
      );
    }
  });

  it("round-trips for arbitrary rational rates, including ones off Premiere's clock", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 240000 }), fc.integer({ min: 1, max: 1001 }), fc.integer({ min: 0, max: 5_000_000 }), (num, den, n) => {
        const r = frameRate(num, den);
        return ticksToFrames(framesToTicks(n, r), r) === BigInt(n);
      }),
      { numRuns: 500 },
    );
  });

  it("a tick one short of a frame boundary belongs to the previous frame (no off-by-one)", () => {
    const r = RATES.fps23_976;
    const t = framesToTicks(17, r);
    expect(ticksToFrames(t, r)).toBe(17n);
    expect(ticksToFrames(t - 1n, r)).toBe(16n);
  });

  it("passes 2^53 ticks safely (sequences longer than ~9.8 h)", () => {
    const tenHours = 10n * 3600n * TICKS_PER_SECOND;
    expect(tenHours > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const f = ticksToFrames(tenHours, RATES.fps29_97);
    expect(framesToTicks(f, RATES.fps29_97) <= tenHours).toBe(true);
    expect(framesToTicks(f + 1n, RATES.fps29_97) > tenHours).toBe(true);
  });
});

describe("snapping", () => {
  const r = RATES.fps25;
  const f10 = framesToTicks(10, r);
  const f11 = framesToTicks(11, r);
  it("floor, ceil and nearest", () => {
    expect(snapToFrame(f10 + 1n, r, "floor")).toBe(f10);
    expect(snapToFrame(f10 + 1n, r, "ceil")).toBe(f11);
    expect(snapToFrame(f10 + 1n, r, "nearest")).toBe(f10);
    expect(snapToFrame(f11 - 1n, r, "nearest")).toBe(f11);
    expect(snapToFrame(f10, r, "ceil")).toBe(f10);
  });
  it("always lands on a frame boundary", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.constantFrom<"floor" | "ceil" | "nearest">("floor", "ceil", "nearest"), (t, mode) => {
        const s = snapToFrame(t, RATES.fps29_97, mode);
        return framesToTicks(ticksToFrames(s, RATES.fps29_97), RATES.fps29_97) === s;
      }),
    );
  });
});

describe("timecode", () => {
  it("drop-frame 29.97 skips ;00 and ;01 at each minute except every tenth", () => {
    const r = RATES.fps29_97;
    expect(framesToTimecode(1799n, r)).toBe("00:00:59;29");
    expect(framesToTimecode(1800n, r)).toBe("00:01:00;02");
    expect(framesToTimecode(17981n, r)).toBe("00:09:59;29");
    expect(framesToTimecode(17982n, r)).toBe("00:10:00;00");
    expect(framesToTimecode(17982n * 6n, r)).toBe("01:00:00;00");
  });

  it("drop-frame 59.94 skips four labels", () => {
    const r = RATES.fps59_94;
    expect(framesToTimecode(3599n, r)).toBe("00:00:59;59");
    expect(framesToTimecode(3600n, r)).toBe("00:01:00;04");
    expect(framesToTimecode(35964n, r)).toBe("00:10:00;00");
  });

  it("DF labels follow the SMPTE rule at every minute boundary over a day", () => {
    const r = RATES.fps29_97;
    for (let minute = 1; minute < 24 * 60; minute++) {
      const tc = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00;`;
      const firstLabel = minute % 10 === 0 ? "00" : "02";
      const frames = timecodeToFrames(tc + firstLabel, r);
      expect(framesToTimecode(frames, r)).toBe(tc + firstLabel);
      expect(framesToTimecode(frames - 1n, r).endsWith(";29")).toBe(true);
    }
  });

  it("non-drop rates use ':' and round-trip", () => {
    for (const r of [RATES.fps23_976, RATES.fps24, RATES.fps25, RATES.fps30, RATES.fps50, RATES.fps60]) {
      fc.assert(fc.property(fc.integer({ min: 0, max: DAY_FRAMES(r) }), (n) => timecodeToFrames(framesToTimecode(BigInt(n), r), r) === BigInt(n)));
    }
    expect(framesToTimecode(24n * 61n + 3n, RATES.fps24)).toBe("00:01:01:03");
  });

  it("DF round-trips over a day", () => {
    for (const r of [RATES.fps29_97, RATES.fps59_94]) {
      fc.assert(fc.property(fc.integer({ min: 0, max: DAY_FRAMES(r) }), (n) => timecodeToFrames(framesToTimecode(BigInt(n), r), r) === BigInt(n)));
    }
  });

  it("rejects labels that drop-frame skips, and garbage", () => {
    expect(() => timecodeToFrames("00:01:00;00", RATES.fps29_97)).toThrow(InvalidInputErrorGuard);
    expect(() => timecodeToFrames("nonsense", RATES.fps25)).toThrow(/not a timecode/);
    expect(() => timecodeToFrames("00:00:00:25", RATES.fps25)).toThrow(/out of range/);
  });
});

describe("rates and timebases", () => {
  it("parses Premiere timebase strings (ticks per frame)", () => {
    expect(rateFromTimebase("10594584000")).toEqual({ num: 24000, den: 1001 });
    expect(rateFromTimebase("8475667200")).toEqual({ num: 30000, den: 1001 });
    expect(rateFromTimebase("10160640000")).toEqual({ num: 25, den: 1 });
    for (const r of SUPPORTED_RATES) expect(rateFromTimebase(timebaseFromRate(r))).toEqual(r);
  });
  it("parses labels and fractions, refuses nonsense with a typed error", () => {
    expect(parseRate("23.976")).toEqual(RATES.fps23_976);
    expect(parseRate("30000/1001")).toEqual(RATES.fps29_97);
    expect(() => parseRate("fast")).toThrow(InvalidInputErrorGuard);
    expect(() => rateFromTimebase("0")).toThrow(InvalidInputErrorGuard);
    expect(() => frameRate(Number.NaN)).toThrow(InvalidInputErrorGuard);
    expect(() => frameRate(-24)).toThrow(InvalidInputErrorGuard);
    expect(() => ticksFromSeconds(Number.POSITIVE_INFINITY)).toThrow(InvalidInputErrorGuard);
  });
  it("seconds to ticks is exact for whole and decimal seconds", () => {
    expect(ticksFromSeconds(5)).toBe(5n * TICKS_PER_SECOND);
    expect(ticksFromSeconds(9.5)).toBe(19n * TICKS_PER_SECOND / 2n);
  });
});
