/**
 * The bible on disk: `Cutaway Bible.json` beside the Premiere project, kept like every project
 * document (documents/projectDocument.ts: atomic, zod-validated, a damaged or newer file set aside).
 */
import { bibleSchema, BIBLE_VERSION, EMPTY_BIBLE, type Bible } from "../../bible";
import type { DocumentKind } from "../documents/projectDocument";

export const BIBLE_FILE = "Cutaway Bible.json";

export const BIBLE_DOCUMENT: DocumentKind<Bible> = { fileName: BIBLE_FILE, noun: "bible", version: BIBLE_VERSION, schema: bibleSchema, empty: EMPTY_BIBLE };
