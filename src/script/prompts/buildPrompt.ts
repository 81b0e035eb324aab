/**
 * A shot becomes a prompt: what happens, where, who (described the same way in every shot), and the
 * look. Models draw quoted words as lettering, so quotes and dialogue never reach a prompt, and the
 * negative prompt asks for no text at all. When a backend's limit is short, the look goes first,
 * then the cast, then the place; what happens always stays.
 */
import type { Cast } from "../shots/cast";
import type { Framing, SceneContext, Shot } from "../shots/shot";
import { stylePreset } from "./styles";
import { placeName, recase } from "./recase";
import { readTimeOfDay } from "../shots/scene";
import { describePeople } from "./people";

export interface PromptOptions {
  readonly style: string;
  readonly cast: Cast;
  /** the backend's prompt limit in characters */
  readonly maxChars: number;
}

export interface ShotPrompt {
  readonly prompt: string;
  readonly negativePrompt: string;
}

const NO_TEXT = ["on-screen text", "subtitles", "captions", "lettering", "watermark", "logo"];
const ARTEFACTS = ["distorted faces", "extra limbs", "warped hands", "low resolution", "jpeg artefacts"];
const MAX_NEGATIVE = 400;

export function buildPrompt(shot: Shot, o: PromptOptions): ShotPrompt {
  const style = stylePreset(o.style);
  const parts: Array<{ text: string; priority: number }> = [];
  const people = describePeople(shot, o.cast, cleanDescription);
  parts.push({ text: subject(shot, people.text, o.cast), priority: 0 });
  const place = placeOf(shot);
  if (place) parts.push({ text: place, priority: 1 });
  if (people.line) parts.push({ text: people.line, priority: 2 });
  if (style.phrase) parts.push({ text: style.phrase, priority: 3 });
  return { prompt: fit(parts, o.maxChars), negativePrompt: negative(style.avoid) };
}

/** A prompt written elsewhere (the LLM): quotes out, the look added once, cut to the limit. */
export function finishPrompt(prompt: string, styleId: string, maxChars: number): ShotPrompt {
  const style = stylePreset(styleId);
  const parts = [{ text: stripQuotes(prompt.includes("\uFFFD") ? prompt.replace(/\uFFFD+/g, "") : prompt), priority: 0 }];
  if (style.phrase && !prompt.toLowerCase().includes(style.phrase.toLowerCase())) parts.push({ text: style.phrase, priority: 3 });
  return { prompt: fit(parts, maxChars), negativePrompt: negative(style.avoid) };
}

const QUOTE_CHARS = /["“”«»„]/;

function stripQuotes(text: string): string {
  if (!QUOTE_CHARS.test(text)) return text;
  return text.replace(/["“”«»„][^"“”«»„]{0,200}["“”«»„]/g, " ").replace(/\s+/g, " ").trim();
}

const COVERAGE: Readonly<Record<Framing, string>> = { medium: "Medium shot of", reverse: "Reverse shot of", close: "Close-up of", insert: "Insert shot of", wide: "Wide shot of" };
const PICTURE: Readonly<Record<Framing, string>> = { wide: "Wide shot", medium: "Medium shot", reverse: "Reverse angle", close: "Closer view", insert: "Detail shot" };

function subject(shot: Shot, text: string, cast: Cast): string {
  const t = visual(shot.source === "establishing" ? placeName(text) : text, cast);
  const framing = shot.scene?.framing ? `${shot.scene.framing.replace(/^./, (c) => c.toUpperCase())}: ` : "";
  switch (shot.source) {
    case "establishing":
      return `Establishing wide shot of ${t}`;
    case "coverage":
      return `${framing}${COVERAGE[shot.framing ?? "medium"]} ${t}, natural expressions`;
    case "voice_over":
      // the picture the scene shows while someone speaks off camera
      return t ? `${framing}${PICTURE[shot.framing ?? "wide"]}: ${t}` : `${PICTURE[shot.framing ?? "wide"]} of the setting, atmospheric`;
    case "transcript":
    case "narration":
      return `B-roll illustrating: ${t}`;
    default:
      return framing + t;
  }
}

/** every shot of a scene describes its place the same way; worked out once per scene */
const places = new WeakMap<SceneContext, { establishing: string; other: string }>();

function placeOf(shot: Shot): string {
  const sc = shot.scene;
  if (!sc) return "";
  let p = places.get(sc);
  if (!p) {
    const inside = sc.interior === true ? "Interior" : sc.interior === false ? "Exterior" : "";
    const tod = sc.timeOfDay ? (readTimeOfDay(sc.timeOfDay).light ?? "") : "";
    const when = sc.period ?? "";
    const upFirst = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
    p = { establishing: upFirst([inside, tod, when].filter(Boolean).join(", ")), other: upFirst([inside, visual(placeName(sc.location)), tod, when].filter(Boolean).join(", ")) };
    places.set(sc, p);
  }
  return shot.source === "establishing" ? p.establishing : p.other;
}

const descriptions = new Map<string, string>();

/** descriptions repeat in every shot of their character: cleaned once */
function cleanDescription(d: string): string {
  let c = descriptions.get(d);
  if (c === undefined) {
    if (descriptions.size > 5000) descriptions.clear();
    descriptions.set(d, (c = visual(d)));
  }
  return c;
}

/** Screenplay capitals and quotes out: "MARA reads the sign: "CLOSED"" → "Mara reads the sign". */
export function visual(text: string, cast?: Cast): string {
  // each rewrite is guarded by a cheap test: most action lines need none of them (bench: script.breakdown)
  let t = stripQuotes(text);
  if (t.includes("\uFFFD")) t = t.replace(/\uFFFD+/g, "");
  t = recase(t, cast);
  if (/\s[,.;:!?]/.test(t)) t = t.replace(/\s+([,.;:!?])/g, "$1");
  if (/[:;,]\s*(?:[.!?]|$)/.test(t)) t = t.replace(/[:;,]\s*([.!?]|$)/g, "$1");
  if (/\s\s|[\t\n\r]/.test(t)) t = t.replace(/\s+/g, " ");
  return t.trim();
}

/** Joins parts in reading order, dropping the least important until it fits; then cuts at a word. */
function fit(parts: Array<{ text: string; priority: number }>, max: number): string {
  for (const p of parts) p.text = sentence(p.text);
  let keep = parts;
  const join = (ps: typeof keep) => (ps.length === 1 ? ps[0]!.text : ps.map((p) => p.text).join(" "));
  let out = join(keep);
  while (keep.length > 1 && out.length > max) {
    const worst = Math.max(...keep.map((p) => p.priority));
    keep = keep.filter((p) => p.priority !== worst);
    out = join(keep);
  }
  if (out.length <= max) return out;
  const cut = out.slice(0, Math.max(0, max));
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "");
}

const negatives = new Map<readonly string[], string>();

function negative(avoid: readonly string[]): string {
  let s = negatives.get(avoid);
  if (s === undefined) {
    s = [...NO_TEXT, ...ARTEFACTS, ...avoid].join(", ");
    if (s.length > MAX_NEGATIVE) s = s.slice(0, s.lastIndexOf(",", MAX_NEGATIVE));
    negatives.set(avoid, s);
  }
  return s;
}

/** A part ends in one full stop, or in its own "!", "?" or "…" ("To destiny!" never becomes "To destiny!."). */
function sentence(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 46 || s.charCodeAt(end - 1) <= 32 || s[end - 1] === "," || s[end - 1] === ";" || s[end - 1] === ":")) end--;
  const t = end === s.length ? s : s.slice(0, end);
  return /[!?…]["'”’)]?$/.test(t) ? t : `${t}.`;
}
