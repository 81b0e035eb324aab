/** TickTime ↔ core ticks, exactly: through the `ticks` string, never `seconds`. */
import { HostError } from "../../app/hostError";
import type { Ticks } from "../../core/time";
import type { PremiereModule, PTickTime } from "./premiereApi";

export function ticksOf(t: PTickTime): Ticks {
  const s = t.ticks;
  if (typeof s !== "string" || !/^-?\d+$/.test(s)) throw new HostError("bad_time", `Premiere answered a time Cutaway cannot read ("${String(s)}").`);
  return BigInt(s);
}

export function tickTime(ppro: PremiereModule, t: Ticks): PTickTime {
  return ppro.TickTime.createWithTicks(t.toString());
}
