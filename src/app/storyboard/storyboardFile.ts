/** The storyboard review on disk: `Cutaway Storyboard.json` beside the project, kept like the bible. */
import { EMPTY_STORYBOARD, storyboardSchema, STORYBOARD_VERSION, type Storyboard } from "../../core/storyboard";
import type { DocumentKind } from "../documents/projectDocument";

export const STORYBOARD_FILE = "Cutaway Storyboard.json";

export const STORYBOARD_DOCUMENT: DocumentKind<Storyboard> = { fileName: STORYBOARD_FILE, noun: "storyboard", version: STORYBOARD_VERSION, schema: storyboardSchema, empty: EMPTY_STORYBOARD };
