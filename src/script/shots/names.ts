/**
 * Names as prompts write them, and the capitalised words that are never names: camera directions,
 * sound effects and screenplay structure, which scripts also write in capitals.
 */

const cache = new Map<string, string>();

/** "MARA" / "MARA (V.O.)" → "Mara"; "DR. OKAFOR" → "Dr. Okafor"; "ÉLODIE" → "Élodie"; "McCLANE" → "McClane". */
export function displayName(character: string): string {
  let n = cache.get(character);
  if (n === undefined) {
    if (cache.size > 10_000) cache.clear();
    cache.set(character, (n = toDisplayName(character)));
  }
  return n;
}

function toDisplayName(character: string): string {
  const bare = character.replace(/\(.*?\)/g, "").replace(/[\^@]/g, "").replace(/\s+/g, " ").trim();
  return titleCase(bare).replace(/\bMc(\p{L})/gu, (_m, c: string) => `Mc${c.toUpperCase()}`);
}

/** Every word capitalised, the rest lower case, Unicode-aware ("MARCHÉ AUX PUCES" → "Marché Aux Puces"). */
export function titleCase(s: string): string {
  let t = titleCache.get(s);
  if (t === undefined) {
    if (titleCache.size > 10_000) titleCache.clear();
    titleCache.set(s, (t = titleUncached(s)));
  }
  return t;
}

const titleCache = new Map<string, string>();

function titleUncached(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-/(])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Titles before a name, ignored when matching variants ("Mr. Soggybottom" is "Soggybottom"). */
export const TITLES = new Set([
  "mr", "mrs", "ms", "miss", "mx", "mister", "dr", "doctor", "prof", "professor", "sir", "dame", "lady", "lord", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "det", "detective",
  "officer", "inspector", "constable", "sheriff", "deputy", "agent", "judge", "nurse", "father", "sister", "brother", "mother", "uncle", "aunt", "aunty", "auntie", "rev", "reverend", "pastor",
  "col", "colonel", "gen", "general", "maj", "major", "cpl", "corporal", "pvt", "private", "king", "queen", "prince", "princess", "coach", "chef", "mayor",
]);

/** Qualifiers that make a different character, or a different actor: "Young Edward" is not "Edward Bloom". */
export const NAME_QUALIFIERS = new Set(["YOUNG", "YOUNGER", "OLD", "OLDER", "LITTLE", "BABY", "ADULT", "TEEN", "TEENAGE", "SENIOR", "ELDER", "ELDERLY", "KID", "BIG"]);

const STOP_WORDS = new Set(
  [
    // structure
    "INT", "EXT", "EST", "I/E", "CUT", "FADE", "DISSOLVE", "SMASH", "MATCH", "BACK", "TO", "SCENE", "ON", "IN", "OUT", "THE", "A", "AN", "OF", "AND", "OR", "AT", "WITH",
    "V.O.", "O.S.", "O.C.", "CONT'D", "MORE", "CONTINUOUS", "LATER", "SAME", "DAY", "NIGHT", "MORNING", "EVENING", "DAWN", "DUSK", "END", "BEGIN", "BEGINNING",
    "MONTAGE", "SERIES", "SUPER", "TITLE", "TITLES", "CARD", "INTERCUT", "FLASHBACK", "FLASH", "FORWARD", "PRESENT", "DREAM", "SEQUENCE", "OPENING", "CLOSING", "CREDITS", "MAIN",
    "NOTE", "NOTES", "SFX", "VFX", "SOUND", "MUSIC", "SONG", "SILENCE", "BLACK", "WHITE", "DARKNESS", "OVER", "PRELAP",
    // camera
    "ANGLE", "ANGLES", "CLOSE", "CLOSE-UP", "CLOSEUP", "CU", "ECU", "MCU", "MS", "WS", "EWS", "OTS", "WIDE", "WIDER", "TIGHT", "TIGHTER", "POV", "INSERT", "REVERSE", "SHOT", "SHOTS",
    "PAN", "TILT", "ZOOM", "DOLLY", "TRACKING", "TRACK", "CRANE", "AERIAL", "OVERHEAD", "HIGH", "LOW", "LOW-ANGLE", "HIGH-ANGLE", "SHOULDER", "FREEZE", "FRAME", "SLOW", "MOTION",
    "SPLIT", "SCREEN", "HANDHELD", "STEADICAM", "PUSH", "PULL", "FOCUS", "RACK", "TWO-SHOT", "ESTABLISHING", "UNDERWATER", "MOVING", "VIEW", "SCOPE", "SNIPER", "BINOCULARS",
    // sound effects
    "CREAK", "CREAKS", "BANG", "BANGS", "BOOM", "BOOMS", "CRASH", "CRASHES", "SLAM", "SLAMS", "THUD", "THUDS", "SMASHES", "CRACK", "CRACKS", "KNOCK", "KNOCKS", "RING", "RINGS",
    "BEEP", "BEEPS", "BUZZ", "BUZZES", "CLICK", "CLICKS", "WHOOSH", "SCREECH", "SCREECHES", "SCREAM", "SCREAMS", "HONK", "HONKS", "SNAP", "SNAPS", "POP", "POPS", "HISS", "HISSES",
    "ROAR", "ROARS", "RUMBLE", "RUMBLES", "GUNSHOT", "GUNSHOTS", "BLAM", "EXPLOSION", "THUNDER", "CLANG", "CLANK", "THUMP", "THUMPS", "SPLASH", "WHIRR", "VROOM", "KABOOM", "RATTLE",
    "RATTLES", "SHATTER", "SHATTERS", "SIZZLE", "SQUEAL", "THWACK", "WHAM", "ZAP", "DING", "TICK", "TOCK", "BLAST", "BLASTS", "FIRE", "STOP", "HELP", "NO", "YES", "OK", "OKAY",
  ],
);

/** A capitalised word that never names a character (camera, sound, structure). */
export function isNameStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toUpperCase().replace(/[,;:!?]+$/, ""));
}
