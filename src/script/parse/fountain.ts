/**
 * Fountain screenplay parser (https://fountain.io/syntax). Line-oriented and single-pass so
 * run time stays linear in the input; it never throws, and reports problems as warnings.
 */
import { emptyDocument, type DialogueElement, type ActionElement, type IntExt, type ScriptDocument, type ScriptElement } from "./model";
import { isDirectionLine, isShouting, isTransitionLine } from "./directions";
import { isBlank, prepareText } from "./text";

interface SourceLine {
  text: string;
  line: number;
}

// Private-use placeholders keep escaped markers out of the emphasis regexes.
const ESC_STAR = "\uE000";
const ESC_UNDER = "\uE001";
// Content may not contain the marker itself, so each opener scans only to the next marker: linear.
const STAR_RE = /(\*{1,3})([^\s*](?:[^*\n]*[^\s*])?)\1/g;
const UNDER_RE = /(?<![\p{L}\p{N}_])_([^\s_](?:[^_\n]*[^\s_])?)_(?![\p{L}\p{N}_])/gu;

/** Remove Fountain emphasis markup (*, **, ***, _) while honouring `\*` and `\_` escapes. */
export function stripEmphasis(s: string): string {
  if (!/[*_\\]/.test(s)) return s;
  let out = s.replace(/\\\*/g, ESC_STAR).replace(/\\_/g, ESC_UNDER);
  // Nested emphasis (`**bold *italic***`) unwraps from the inside out, so repeat a few times.
  for (let pass = 0; pass < 3; pass++) {
    const next = out.replace(STAR_RE, "$2").replace(UNDER_RE, "$1");
    if (next === out) break;
    out = next;
  }
  return out.replace(/\uE000/g, "*").replace(/\uE001/g, "_");
}

/**
 * Strip [[notes]] and /* boneyard *\/ in one scan. Lines that only held removed content are
 * dropped rather than left blank, so a note between two dialogue lines does not split the speech.
 */
function removeNotesAndBoneyard(text: string): { lines: SourceLine[]; notes: string[]; warnings: string[] } {
  const lines: SourceLine[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  let mode: "text" | "boneyard" | "note" = "text";
  let parts: string[] = [];
  let segStart = 0;
  let noteStart = 0;
  let lineNo = 1;
  let startLine = 1;
  let removedOnLine = false;
  let noteOpenLine = 0;
  let boneyardOpenLine = 0;

  const flushLine = (end: number): void => {
    if (mode === "text") parts.push(text.slice(segStart, end));
    const joined = parts.join("");
    if (!(removedOnLine && joined.trim() === "")) lines.push({ text: joined, line: startLine });
    parts = [];
    removedOnLine = false;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineNo++;
      if (mode === "text") {
        flushLine(i);
        segStart = i + 1;
        startLine = lineNo;
      }
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (mode === "text") {
      if (c === 47 /* / */ && next === 42 /* * */) {
        parts.push(text.slice(segStart, i));
        mode = "boneyard";
        boneyardOpenLine = lineNo;
        removedOnLine = true;
        i++;
      } else if (c === 91 /* [ */ && next === 91) {
        parts.push(text.slice(segStart, i));
        mode = "note";
        noteOpenLine = lineNo;
        noteStart = i + 2;
        removedOnLine = true;
        i++;
      }
    } else if (mode === "boneyard" && c === 42 && next === 47) {
      mode = "text";
      segStart = i + 2;
      i++;
    } else if (mode === "note" && c === 93 /* ] */ && next === 93) {
      const note = text.slice(noteStart, i).trim();
      if (note) notes.push(note);
      mode = "text";
      segStart = i + 2;
      i++;
    }
  }
  if (mode === "boneyard") {
    warnings.push(`A boneyard comment opened with /* on line ${boneyardOpenLine} is never closed; everything after it was ignored.`);
  } else if (mode === "note") {
    const note = text.slice(noteStart).trim();
    if (note) notes.push(note);
    warnings.push(`A note opened with [[ on line ${noteOpenLine} is never closed; everything after it was treated as a note.`);
  }
  flushLine(text.length);
  return { lines, notes, warnings };
}

const KNOWN_TITLE_KEYS = new Set([
  "title", "credit", "author", "authors", "source", "draft date", "date", "contact", "copyright", "notes", "revision", "episode",
]);
const TITLE_KEY_RE = /^([A-Za-z][A-Za-z0-9 _-]{0,39}):(.*)$/;

/** Returns the title page and the index of the first body line, or null when there is none. */
function parseTitlePage(lines: SourceLine[]): { page: Record<string, string>; bodyStart: number } | null {
  let i = 0;
  while (i < lines.length && isBlank(lines[i]?.text)) i++;
  const page: Record<string, string> = {};
  let key: string | null = null;
  let keys = 0;
  let firstKey = "";
  for (; i < lines.length; i++) {
    const raw = (lines[i] as SourceLine).text;
    if (isBlank(raw)) break;
    const m = /^\s/.test(raw) ? null : TITLE_KEY_RE.exec(raw);
    if (m) {
      key = (m[1] as string).trim().toLowerCase();
      if (keys === 0) firstKey = key;
      keys++;
      page[key] = stripEmphasis((m[2] as string).trim());
    } else if (key !== null) {
      const prev = page[key] ?? "";
      const add = stripEmphasis(raw.trim());
      page[key] = prev ? `${prev}\n${add}` : add;
    } else {
      return null;
    }
  }
  // Any "Key: value" line is legal Fountain, but action such as "Note: she's late." is common;
  // demand a well-known first key or several keys before swallowing text as a title page.
  if (keys === 0 || (!KNOWN_TITLE_KEYS.has(firstKey) && keys < 2)) return null;
  return { page, bodyStart: i };
}

const SCENE_PREFIX_RE = /^(INT\.?\/EXT|EXT\.?\/INT|INT\.? ?\/ ?EXT|I\/E|E\/I|INT|EXT|EST)(?:\.|\s)/i;

export function isSceneHeadingLine(t: string): boolean {
  return /^\.[\p{L}\p{N}]/u.test(t) || SCENE_PREFIX_RE.test(t);
}

function intExtOf(prefix: string): IntExt {
  const p = prefix.toUpperCase().replace(/[.\s]/g, "");
  if (p === "INT") return "INT";
  if (p === "EXT") return "EXT";
  if (p === "EST") return "EST";
  return "INT/EXT";
}

function parseSceneHeading(t: string, line: number): ScriptElement {
  // Collapsing whitespace first keeps the dash and scene-number regexes linear on long space runs.
  let s = (t.startsWith(".") ? t.slice(1) : t).replace(/\s+/g, " ").trim();
  let sceneNumber: string | undefined;
  const num = /#([A-Za-z0-9.-]+)#$/.exec(s);
  if (num) {
    sceneNumber = num[1];
    s = s.slice(0, num.index).trim();
  }
  s = stripEmphasis(s);
  const m = /^(INT\.?\/EXT|EXT\.?\/INT|INT\.? ?\/ ?EXT|I\/E|E\/I|INT|EXT|EST)\.?(?:\s+|$)/i.exec(s);
  const intExt = m ? intExtOf(m[1] as string) : null;
  const rest = m ? s.slice(m[0].length).trim() : s;
  // The last dash separates time of day, so "HARBOUR - NORTH PIER - DAWN" keeps the pier in the location.
  let location = rest;
  let timeOfDay: string | null = null;
  const dashes = [...rest.matchAll(/ [-\u2013\u2014] /g)];
  const last = dashes[dashes.length - 1];
  if (last && last.index !== undefined) {
    location = rest.slice(0, last.index).trim();
    timeOfDay = rest.slice(last.index + last[0].length).trim() || null;
  }
  const el: ScriptElement = { type: "scene_heading", line, text: s, location, timeOfDay, intExt };
  if (sceneNumber !== undefined) el.sceneNumber = sceneNumber;
  return el;
}

export { isTransitionLine };

export function isCharacterLine(t: string): boolean {
  if (t.startsWith("@")) return t.length > 1;
  const core = t.replace(/\^$/, "").replace(/\([^()]*\)/g, "").trim();
  return core.length > 0 && isShouting(core) && !t.startsWith("!");
}

function parseCharacter(t: string, line: number): DialogueElement {
  let s = t.startsWith("@") ? t.slice(1).trim() : t;
  const dual = s.endsWith("^");
  if (dual) s = s.slice(0, -1).trim();
  const ext = [...s.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] as string).trim()).filter(Boolean);
  const character = stripEmphasis(s.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim());
  const el: DialogueElement = { type: "dialogue", line, character, parentheticals: [], text: "", dual };
  if (ext.length > 0) el.extension = ext.join(", ");
  return el;
}

export function parseFountain(input: string): ScriptDocument {
  const prepared = prepareText(input);
  const doc = emptyDocument("fountain", prepared.warnings);
  const { lines, notes, warnings } = removeNotesAndBoneyard(prepared.text);
  doc.notes = notes;
  doc.warnings.push(...warnings);

  const title = parseTitlePage(lines);
  let start = 0;
  if (title) {
    doc.titlePage = title.page;
    start = title.bodyStart;
    const t = title.page["title"];
    if (t) doc.title = t.replace(/\s*\n\s*/g, " ").trim();
  }

  const els = doc.elements;
  const blankAt = (j: number): boolean => j < start || isBlank(lines[j]?.text);
  let lastAction: ActionElement | null = null;
  let lastActionIdx = -2;
  const addAction = (text: string, idx: number, line: number, lyric: boolean): void => {
    const clean = stripEmphasis(text);
    if (lastAction && lastActionIdx === idx - 1 && (lastAction.lyric ?? false) === lyric) {
      lastAction.text += `\n${clean}`;
    } else {
      if (clean === "") return;
      lastAction = { type: "action", line, text: clean };
      if (lyric) lastAction.lyric = true;
      els.push(lastAction);
    }
    lastActionIdx = idx;
  };

  for (let i = start; i < lines.length; i++) {
    const src = lines[i] as SourceLine;
    const t = src.text.trim();
    if (t === "") continue;
    const line = src.line;
    const prevBlank = blankAt(i - 1);
    const nextBlank = blankAt(i + 1);

    if (/^={3,}$/.test(t)) {
      els.push({ type: "page_break", line });
    } else if (t.startsWith("#")) {
      const m = /^(#+)\s*(.*)$/.exec(t) as RegExpExecArray;
      els.push({ type: "section", line, level: (m[1] as string).length, text: stripEmphasis((m[2] as string).trim()) });
    } else if (t.startsWith("=")) {
      els.push({ type: "synopsis", line, text: stripEmphasis(t.slice(1).trim()) });
    } else if (t.startsWith("~")) {
      addAction(t.slice(1).trim(), i, line, true);
    } else if (t.startsWith("!")) {
      addAction(t.slice(1).trim(), i, line, false);
    } else if (t.startsWith(">") && t.endsWith("<") && t.length >= 2) {
      els.push({ type: "centered", line, text: stripEmphasis(t.slice(1, -1).trim()) });
    } else if (t.startsWith(">")) {
      els.push({ type: "transition", line, text: stripEmphasis(t.slice(1).trim()) });
    } else if (isDirectionLine(t)) {
      els.push({ type: "transition", line, text: stripEmphasis(t) });
    } else if (prevBlank && isSceneHeadingLine(t) && !t.startsWith("..")) {
      els.push(parseSceneHeading(t, line));
    } else if (prevBlank && nextBlank && isTransitionLine(t)) {
      els.push({ type: "transition", line, text: stripEmphasis(t) });
    } else if ((prevBlank || t.startsWith("@")) && !nextBlank && isCharacterLine(t)) {
      const dlg = parseCharacter(t, line);
      if (dlg.dual) {
        const prev = els[els.length - 1];
        if (prev?.type === "dialogue") prev.dual = true;
      }
      const speech: string[] = [];
      let j = i + 1;
      // A line of exactly two spaces keeps a blank line inside the speech (Fountain rule).
      for (; j < lines.length; j++) {
        const raw = (lines[j] as SourceLine).text;
        if (raw === "  ") {
          speech.push("");
          continue;
        }
        const d = raw.trim();
        if (d === "") break;
        if (d.startsWith("(") && d.endsWith(")")) dlg.parentheticals.push(stripEmphasis(d));
        else speech.push(stripEmphasis(d.startsWith("~") ? d.slice(1).trim() : d));
      }
      dlg.text = speech.join("\n").trim();
      els.push(dlg);
      i = j - 1;
    } else {
      addAction(t, i, line, false);
    }
  }
  return doc;
}
