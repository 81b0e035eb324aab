/**
 * Typed document model for "script to shots". Every parser in this folder produces a
 * ScriptDocument so downstream shot planning never needs to know the source format.
 * `line` is the 1-based line in the (normalised) source so the UI can point back at it.
 */

export type IntExt = "INT" | "EXT" | "INT/EXT" | "EST";

export interface SceneHeadingElement {
  type: "scene_heading";
  line: number;
  text: string;
  location: string;
  timeOfDay: string | null;
  intExt: IntExt | null;
  sceneNumber?: string;
}

export interface ActionElement {
  type: "action";
  line: number;
  text: string;
  /** Fountain lyrics (`~`) carry no shot semantics of their own, so they ride on action. */
  lyric?: boolean;
}

export interface DialogueElement {
  type: "dialogue";
  line: number;
  character: string;
  /** Contents of the character extension(s) without parentheses, e.g. "V.O." or "V.O., CONT'D". */
  extension?: string;
  /** Parenthetical lines as written, including their parentheses, e.g. "(quietly)". */
  parentheticals: string[];
  text: string;
  dual: boolean;
}

export interface TransitionElement {
  type: "transition";
  line: number;
  text: string;
}

export interface CenteredElement {
  type: "centered";
  line: number;
  text: string;
}

export interface SectionElement {
  type: "section";
  line: number;
  level: number;
  text: string;
}

export interface SynopsisElement {
  type: "synopsis";
  line: number;
  text: string;
}

export interface PageBreakElement {
  type: "page_break";
  line: number;
}

export interface ShotLineElement {
  type: "shot_line";
  line: number;
  text: string;
  durationSeconds?: number;
  /** The number the author gave the shot (falls back to its position when unnumbered). */
  index: number;
}

export interface ParagraphElement {
  type: "paragraph";
  line: number;
  text: string;
}

export interface TranscriptSegmentElement {
  type: "transcript_segment";
  /** Source line of the cue timing; for JSON and markers, the 1-based segment position. */
  line: number;
  text: string;
  startSeconds: number;
  endSeconds: number;
  speaker?: string;
}

export type ScriptElement =
  | SceneHeadingElement
  | ActionElement
  | DialogueElement
  | TransitionElement
  | CenteredElement
  | SectionElement
  | SynopsisElement
  | PageBreakElement
  | ShotLineElement
  | ParagraphElement
  | TranscriptSegmentElement;

export type ScriptElementType = ScriptElement["type"];

export type ScriptKind = "fountain" | "plain" | "shot_list" | "transcript";

export interface ScriptDocument {
  kind: ScriptKind;
  title?: string;
  titlePage: Record<string, string>;
  elements: ScriptElement[];
  /** Text of Fountain [[notes]], which are removed from element text. */
  notes: string[];
  /** Human-readable problems found while parsing; parsers never throw for bad input. */
  warnings: string[];
}

export function emptyDocument(kind: ScriptKind, warnings: string[] = []): ScriptDocument {
  return { kind, titlePage: {}, elements: [], notes: [], warnings: [...warnings] };
}
