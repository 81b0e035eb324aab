/**
 * Scene headings become scene context. A forced heading that is not a place (".SNIPER SCOPE POV",
 * ".FLASHBACK", ".OPENING TITLES") keeps the current location and changes only the framing or the
 * period; a heading's time of day is read word by word, so "DAY (LATER)" is daylight.
 */
import type { SceneHeadingElement } from "../parse/model";
import type { SceneContext } from "./shot";

const FRAMING = /\b(?:POV|P\.O\.V\.?|ANGLE|CLOSE(?:[- ]UP| ON)?|INSERT|WIDE|AERIAL|OVERHEAD|UNDERWATER|SCOPE|BINOCULARS|MONITOR|SECURITY CAM(?:ERA)?|CCTV|ON SCREEN|ON TV|THROUGH|VIEWFINDER|TRACKING|MOVING)\b/;
const PERIOD = /^(?:FLASH ?BACK|FLASH[- ]FORWARD|PRESENT(?: DAY)?|BACK TO (?:THE )?PRESENT|DREAM(?: SEQUENCE)?|NIGHTMARE|FANTASY|MEMORY|MONTAGE|SERIES OF SHOTS|(?:\d+|ONE|TWO|THREE|FIVE|TEN|TWENTY|SOME) (?:YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?) (?:LATER|EARLIER|AGO|BEFORE)|(?:\d{4}|\d{2,4}S)(?: [A-Z]{2,3})?)$/;
/** parts of a heading that show nothing: they open or close a sequence */
const NOTHING = /^(?:OPENING TITLES?|MAIN TITLES?|TITLES?|OPENING CREDITS|END CREDITS|CREDITS|END (?:OF )?(?:FLASH ?BACK|MONTAGE|DREAM|SEQUENCE|INTERCUT)|BACK TO SCENE|INTERCUT|CONTINUOUS|LATER|MOMENTS LATER|SAME(?: TIME)?)$/;

const LIGHT: Readonly<Record<string, string>> = {
  day: "daylight", daytime: "daylight", night: "night", nighttime: "night", "late night": "night", dawn: "dawn light", sunrise: "sunrise light", dusk: "dusk light", sunset: "sunset light",
  twilight: "twilight", morning: "morning light", "early morning": "early morning light", afternoon: "afternoon light", "late afternoon": "late afternoon light", noon: "midday light",
  midday: "midday light", evening: "evening light", "magic hour": "golden hour light", "golden hour": "golden hour light",
};
const CONTINUITY = new Set(["continuous", "later", "moments later", "a moment later", "same", "same time", "cont'd", "contd", "cont", "day later", "next", "following"]);

export interface SceneStart {
  readonly scene: SceneContext;
  /** false when the heading only changes framing or period: no establishing shot */
  readonly isPlace: boolean;
}

/** The scene a heading opens, given the scene before it (a forced non-place heading keeps its location). */
export function sceneFrom(el: SceneHeadingElement, number: number, prev: SceneContext | null): SceneStart {
  const interior = el.intExt === "INT" ? true : el.intExt === "EXT" || el.intExt === "EST" ? false : null;
  const tod = readTimeOfDay(el.timeOfDay ?? "");
  if (el.intExt !== null) {
    return { scene: { number, heading: el.text, location: el.location || el.text, timeOfDay: el.timeOfDay, interior, framing: null, period: tod.period }, isPlace: true };
  }
  // forced heading: sort its parts into place, framing, period and time of day
  const places: string[] = [];
  const periods: string[] = [];
  let framing: string | null = null;
  let light = tod.light ? el.timeOfDay : null;
  for (const raw of el.location.split(/\s+[-\u2013\u2014]\s+/)) {
    const part = raw.trim();
    const up = part.toUpperCase().replace(/[.:]+$/, "");
    if (!up) continue;
    if (NOTHING.test(up)) continue;
    if (PERIOD.test(up)) periods.push(part.toLowerCase());
    else if (FRAMING.test(up)) framing = part.toLowerCase();
    else {
      const t = readTimeOfDay(part);
      if (t.light && !t.rest) light = part;
      else places.push(part);
    }
  }
  if (tod.period) periods.push(tod.period);
  const period = periods.length ? periods.join(", ") : null;
  if (places.length) {
    return { scene: { number, heading: el.text, location: places.join(" - "), timeOfDay: light, interior: null, framing, period }, isPlace: true };
  }
  const base = prev ?? { location: "", interior: null, timeOfDay: null };
  return { scene: { number, heading: prev?.heading ?? el.text, location: base.location, timeOfDay: light ?? base.timeOfDay, interior: base.interior, framing, period }, isPlace: false };
}

/** "DAY (LATER)" → daylight; "NIGHT - FLASHBACK" → night, flashback; "1999" → a period, not a light. */
export function readTimeOfDay(tod: string): TimeOfDay {
  let t = todCache.get(tod);
  if (!t) {
    if (todCache.size > 2000) todCache.clear();
    todCache.set(tod, (t = readUncached(tod)));
  }
  return t;
}

interface TimeOfDay {
  readonly light: string | null;
  readonly period: string | null;
  /** words that are neither a light nor a period */
  readonly rest: boolean;
}

// headings repeat a handful of times of day: read each once
const todCache = new Map<string, TimeOfDay>();

function readUncached(tod: string): TimeOfDay {
  const lights: string[] = [];
  const periods: string[] = [];
  let rest = false;
  for (const raw of tod.split(/[()[\],/]+|\s+[-\u2013\u2014]\s+/)) {
    const t = raw.toLowerCase().replace(/[^\p{L}\p{N}' ]/gu, " ").replace(/\s+/g, " ").trim();
    if (!t || CONTINUITY.has(t)) continue;
    const light = LIGHT[t];
    if (light) lights.push(light);
    else if (PERIOD.test(t.toUpperCase())) periods.push(t);
    else {
      lights.push(t);
      rest = true;
    }
  }
  return { light: lights.length ? lights.join(", ") : null, period: periods.length ? periods.join(", ") : null, rest };
}
