/**
 * Entry point: guess what kind of text the user gave us and parse it. Detection is ordered
 * from the most unambiguous signal (JSON, WEBVTT header, timing arrows) to the weakest (prose).
 */
import { emptyDocument, type ScriptDocument } from "./model";
import { isCharacterLine, isSceneHeadingLine, isTransitionLine, parseFountain } from "./fountain";
import { looksLikeShotList, parsePlainText } from "./plainText";
import { parseSrt, parseTranscriptJson, parseVtt, TIMING_ARROW_RE } from "./transcript";
import { controlCharRatio, isBlank, prepareText } from "./text";

export type ScriptHint = "fountain" | "plain" | "transcript" | "auto";

export const BINARY_WARNING = "This does not look like text. Paste a script, shot list or transcript, or open a .fountain, .txt, .srt, .vtt or .json file.";
export const EMPTY_WARNING = "The script is empty.";

/** Above this share of control characters the input is almost certainly a binary file. */
const BINARY_RATIO = 0.05;

const TITLE_START_RE = /^\s*(title|credit|author|authors|draft date|source)\s*:/i;

/**
 * Score Fountain signals: a scene heading or title page is decisive; otherwise we need
 * repeated CHARACTER-then-speech pairs so one all-caps line in prose does not tip it.
 */
export function looksLikeFountain(lines: string[]): boolean {
  let pairs = 0;
  let prose = 0;
  const firstText = lines.find((l) => !isBlank(l));
  if (firstText !== undefined && TITLE_START_RE.test(firstText)) return true;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as string).trim();
    if (t === "") continue;
    const prevBlank = isBlank(lines[i - 1]);
    const nextBlank = isBlank(lines[i + 1]);
    // Case-sensitive here (the parser itself is not) so prose like "Int. rates rose" stays prose.
    if (prevBlank && /^(INT|EXT|EST|I\/E|INT\.?\/EXT)[.\s]/.test(t) && t.length < 120) return true;
    if (prevBlank && /^\.[A-Z]/.test(t) && isSceneHeadingLine(t) && nextBlank) return true;
    if (prevBlank && nextBlank && isTransitionLine(t)) pairs++;
    else if (prevBlank && !nextBlank && isCharacterLine(t) && t.length <= 40 && !/[.!?:,]$/.test(t)) {
      const next = (lines[i + 1] as string).trim();
      if (!isCharacterLine(next)) pairs++;
    } else prose++;
  }
  return pairs >= 2 || (pairs >= 1 && prose === 0);
}

function looksBinary(text: string): boolean {
  return text.includes("\u0000\u0000") || controlCharRatio(text) > BINARY_RATIO;
}

function parseTranscriptText(text: string): ScriptDocument | null {
  if (/^\s*[[{]/.test(text)) {
    const json = parseTranscriptJson(text);
    if (json) return json;
  }
  if (/^\s*WEBVTT/.test(text)) return parseVtt(text);
  if (TIMING_ARROW_RE.test(text)) {
    const srt = parseSrt(text);
    if (srt.elements.length > 0) return srt;
  }
  return null;
}

/**
 * Parse any supported script text into a ScriptDocument. Never throws; unusable input gives an
 * empty document whose warnings explain why.
 */
export function parseScript(text: string, hint: ScriptHint = "auto"): ScriptDocument {
  const prepared = prepareText(text);
  const body = prepared.text;
  const withWarnings = (doc: ScriptDocument): ScriptDocument => {
    // Sub-parsers see already-truncated text, so the truncation warning is added exactly once here.
    doc.warnings = [...prepared.warnings, ...doc.warnings.filter((w) => !prepared.warnings.includes(w))];
    return doc;
  };
  if (body.trim() === "") return emptyDocument(hint === "transcript" ? "transcript" : hint === "fountain" ? "fountain" : "plain", [EMPTY_WARNING]);
  if (looksBinary(body)) return withWarnings(emptyDocument("plain", [BINARY_WARNING]));

  switch (hint) {
    case "fountain":
      return withWarnings(parseFountain(body));
    case "plain":
      return withWarnings(parsePlainText(body));
    case "transcript": {
      const doc = parseTranscriptText(body);
      if (doc) return withWarnings(doc);
      return withWarnings(emptyDocument("transcript", ["No timed transcript segments were found. Expected SRT, WebVTT or Premiere transcript JSON."]));
    }
    default:
      break;
  }
  // JSON and a WEBVTT header are decisive even with no usable cues; SRT is only chosen when cues parse.
  const transcript = parseTranscriptText(body);
  if (transcript) return withWarnings(transcript);
  const lines = body.split("\n");
  // Shot lists come before Fountain because "1. WIDE OF HARBOUR" also looks like a character cue.
  if (looksLikeShotList(lines)) return withWarnings(parsePlainText(body));
  if (looksLikeFountain(lines)) return withWarnings(parseFountain(body));
  return withWarnings(parsePlainText(body));
}
