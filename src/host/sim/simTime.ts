/** TickTime of the stand-in: exact ticks in a string, as Premiere answers them. */
import type { PTickTime } from "../premiere/premiereApi";
import { TICKS_PER_SECOND } from "../../core/time";

export class SimTickTime implements PTickTime {
  readonly ticks: string;
  constructor(readonly value: bigint) {
    this.ticks = value.toString();
  }
  get seconds(): number {
    return Number(this.value) / Number(TICKS_PER_SECOND);
  }
  equals(other: PTickTime): boolean {
    return other.ticks === this.ticks;
  }
}

/** The stand-in accepts only its own TickTimes or exact tick strings: float seconds never reach it. */
export function ticksOf(t: PTickTime): bigint {
  if (t instanceof SimTickTime) return t.value;
  if (!/^-?\d+$/.test(t.ticks)) throw new Error(`stand-in: TickTime with non-integer ticks "${t.ticks}"`);
  return BigInt(t.ticks);
}

export const simTickTimeStatic = {
  createWithTicks(ticks: string): SimTickTime {
    if (!/^-?\d+$/.test(ticks)) throw new Error(`stand-in: createWithTicks needs an integer string, got "${ticks}"`);
    return new SimTickTime(BigInt(ticks));
  },
  TIME_ZERO: new SimTickTime(0n),
};
