/**
 * Entry point: guess what kind of text the user gave us and parse it. Detection is ordered
 * from the most unambiguous signal (JSON, WEBVTT header, timing arrows) to the weakest (prose).
 */
import { emptyDocument, type ScriptDocument } from "./model";
import { isCharacterLine, isSceneHeadingLine, isTransitionLine, parseFountain } from "./fountain";
import { looksLikeShotList, parsePlainText } from "./plainText";
import { parseSrt, parseTranscriptJson, parseVtt, TIMING_ARROW_RE } from "./transcript";
import { repairEncoding } from "./mojibake";
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
  return pairs >= 2 || (pairs >= 1 && prose === 0) || hasStrongCue(lines);
}

// Capitals that head prose ("CHAPTER ONE", "WARNING") rather than name a speaker.
const NOT_CUES = /^(?:CHAPTER|PART|ACT|SCENE|BOOK|SECTION|INTRODUCTION|PROLOGUE|EPILOGUE|SUMMARY|NOTE|NOTES|WARNING|CAUTION|IMPORTANT|UPDATE|THE END|CONTENTS|APPENDIX|ABSTRACT|CONCLUSION|SYNOPSIS|LOGLINE|TREATMENT|OUTLINE|TODO|FAQ)\b/;
const EXTENSION_CUE = /^[\p{Lu}][\p{Lu}\p{N} .'’-]{0,30}\s*\((?:V\.?O\.?|O\.?S\.?|O\.?C\.?|CONT'?’?D|OFF|PRE-?LAP)\)\s*\^?$/u;
const NAME_CUE = /^[\p{Lu}][\p{Lu}'’.-]*(?: [\p{Lu}][\p{Lu}'’.-]*){0,2}$/u;

/**
 * One character cue with its speech is enough Fountain without any scene heading: a cue with an
 * extension (V.O., CONT'D), a parenthetical under the name, or a short name followed by a short line
 * of speech and then a blank line, after other text.
 */
function hasStrongCue(lines: string[]): boolean {
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as string).trim();
    if (t === "") continue;
    const prevBlank = isBlank(lines[i - 1]);
    const next = (lines[i + 1] ?? "").trim();
    if (prevBlank && next !== "" && t.length <= 40 && !NOT_CUES.test(t)) {
      if (EXTENSION_CUE.test(t)) return true;
      if (NAME_CUE.test(t) && !isCharacterLine(next)) {
        if (/^\(.*\)$/.test(next)) return true;
        const speechEnds = isBlank(lines[i + 2]) || isBlank(lines[i + 3]);
        if (seenText && speechEnds && next.length <= 120 && !/:$/.test(next)) return true;
      }
    }
    seenText = true;
  }
  return false;
}

function looksBinary(text: string): boolean {
  return text.includes("\u0000\u0000") || controlCharRatio(text) > BINARY_RATIO;
}

/** Two or more SRT/WebVTT timing lines: whatever else it holds, the editor meant a transcript. */
function looksTimed(text: string): boolean {
  const first = TIMING_ARROW_RE.exec(text);
  return first !== null && TIMING_ARROW_RE.test(text.slice(first.index + first[0].length));
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
    // it looks like subtitles but no cue could be read: say so rather than read the timings as prose
    if (looksTimed(text)) return emptyDocument("transcript", [...srt.warnings.filter((w) => !/^No timed/.test(w)), UNREADABLE_TRANSCRIPT]);
  }
  return null;
}

export const UNREADABLE_TRANSCRIPT =
  "This looks like subtitles (SRT), but none of its cues could be read. Each cue needs a timing line such as 00:01:27,420 --> 00:01:29,000 followed by its text; check the file, or choose Plain text to read it as prose.";

/**
 * Parse any supported script text into a ScriptDocument. Never throws; unusable input gives an
 * empty document whose warnings explain why.
 */
export function parseScript(text: string, hint: ScriptHint = "auto"): ScriptDocument {
  const prepared = prepareText(text);
  if (prepared.text.trim() !== "" && looksBinary(prepared.text)) return emptyDocument("plain", [...prepared.warnings, BINARY_WARNING]);
  const repaired = repairEncoding(prepared.text);
  prepared.warnings.push(...repaired.warnings);
  const body = repaired.text;
  const withWarnings = (doc: ScriptDocument): ScriptDocument => {
    // Sub-parsers see already-truncated text, so the truncation warning is added exactly once here.
    doc.warnings = [...prepared.warnings, ...doc.warnings.filter((w) => !prepared.warnings.includes(w))];
    return doc;
  };
  if (body.trim() === "") return withWarnings(emptyDocument(hint === "transcript" ? "transcript" : hint === "fountain" ? "fountain" : "plain", [EMPTY_WARNING]));

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
