import fc from "fast-check";
import { BINARY_WARNING, EMPTY_WARNING, parseScript } from "../../../src/script/parse/detect";
import { MAX_INPUT_CHARS, TRUNCATION_WARNING } from "../../../src/script/parse/text";
import { PREMIERE_JSON, SCREENPLAY, SHOT_LIST, SRT, VTT } from "./fixtures";

describe("parseScript detection", () => {
  it.each([
    ["Fountain screenplay", SCREENPLAY, "fountain"],
    ["SRT", SRT, "transcript"],
    ["WebVTT", VTT, "transcript"],
    ["Premiere JSON", PREMIERE_JSON, "transcript"],
    ["simple JSON array", '[{"start":0,"end":1,"text":"Hi"}]', "transcript"],
    ["shot list", SHOT_LIST, "shot_list"],
    ["prose", "The harbour wakes slowly.\n\nBy nine the fog is gone.", "plain"],
    ["prose with one shouted line", "CHAPTER ONE\nIt was a cold morning on the pier.\n\nNobody came.", "plain"],
    ["only dialogue", "NADIA\nYou came.\n\nSAM\n(quietly)\nI always do.", "fountain"],
    ["scene heading without a title page", "EXT. PIER - DAWN\n\nGulls.", "fountain"],
  ])("detects %s", (_name, text, kind) => {
    expect(parseScript(text).kind).toBe(kind);
  });

  it("honours hints", () => {
    expect(parseScript(SHOT_LIST, "fountain").kind).toBe("fountain");
    expect(parseScript(SCREENPLAY, "plain").kind).toBe("plain");
    expect(parseScript(SRT, "transcript").elements).toHaveLength(3);
    const none = parseScript("just words", "transcript");
    expect(none.kind).toBe("transcript");
    expect(none.elements).toEqual([]);
    expect(none.warnings[0]).toMatch(/No timed transcript/);
  });

  it("parses the screenplay end to end through parseScript", () => {
    const doc = parseScript(SCREENPLAY);
    const types = new Set(doc.elements.map((e) => e.type));
    for (const t of ["scene_heading", "action", "dialogue", "transition", "centered", "section", "synopsis", "page_break"]) {
      expect(types).toContain(t);
    }
    expect(doc.title).toBe("THE HARBOUR A short film");
  });

  it("handles CRLF and tabs in a screenplay", () => {
    const doc = parseScript("INT. KITCHEN - DAY\r\n\r\n\tBOB\r\n\tHello.\r\n");
    expect(doc.kind).toBe("fountain");
    expect(doc.elements[1]).toMatchObject({ type: "dialogue", line: 3, character: "BOB", text: "Hello." });
  });

  it("keeps emoji and RTL text intact", () => {
    const doc = parseScript("EXT. שוק - DAY\n\nNADIA\nمرحبا 👋🏽 — 你好\n");
    expect(doc.elements[0]).toMatchObject({ type: "scene_heading", location: "שוק", timeOfDay: "DAY" });
    expect(doc.elements[1]).toMatchObject({ type: "dialogue", text: "مرحبا 👋🏽 — 你好" });
  });

  it("reports unclosed boneyard and notes through parseScript", () => {
    expect(parseScript("EXT. PIER - DAY\n\n/* never closed").warnings.join(" ")).toMatch(/never closed/);
    expect(parseScript("EXT. PIER - DAY\n\n[[ never closed").warnings.join(" ")).toMatch(/never closed/);
  });
});

describe("parseScript with unusable input", () => {
  it.each(["", "   \n\t\r\n"])("empty input %j gives an empty document with a warning", (text) => {
    const doc = parseScript(text);
    expect(doc.elements).toEqual([]);
    expect(doc.warnings).toEqual([EMPTY_WARNING]);
  });

  it("refuses binary garbage politely", () => {
    let bin = "";
    for (let i = 0; i < 4096; i++) bin += String.fromCharCode((i * 7919) % 256);
    const doc = parseScript(`\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR${bin}`);
    expect(doc.elements).toEqual([]);
    expect(doc.warnings).toEqual([BINARY_WARNING]);
    expect(BINARY_WARNING).toMatch(/^This does not look like text/);
  });

  it("finishes on 5 MB of screenplay text, truncating with a warning", () => {
    const big = SCREENPLAY.repeat(Math.ceil(5_000_000 / SCREENPLAY.length));
    const doc = parseScript(big);
    expect(doc.kind).toBe("fountain");
    expect(doc.elements.length).toBeGreaterThan(1000);
    expect(doc.warnings.filter((w) => w === TRUNCATION_WARNING)).toHaveLength(1);
  });

  it("finishes on 5 MB of a single pathological line", () => {
    const doc = parseScript("[[*a _b /*".repeat(500_000));
    expect(doc.warnings).toContain(TRUNCATION_WARNING);
    expect(MAX_INPUT_CHARS).toBe(2_000_000);
  });

  it.each<[string, () => string, "auto" | "fountain" | "plain" | "transcript"]>([
    ["long space run in a heading", () => "\nEXT. A" + " -".repeat(900_000) + " B", "fountain"],
    ["unclosed parentheses on a character line", () => "\nBOB " + "(".repeat(1_900_000) + "\nhi", "fountain"],
    ["unclosed voice tags", () => "WEBVTT\n\n00:01.000 --> 00:02.000\n" + "<v ".repeat(600_000), "transcript"],
    ["unclosed emphasis", () => "*a _b ".repeat(300_000), "fountain"],
    ["unclosed duration brackets", () => "1. a " + "(1:".repeat(600_000), "plain"],
  ])("finishes on pathological input: %s", (_name, make, hint) => {
    expect(parseScript(make(), hint).warnings).toBeDefined();
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.constantFrom("auto", "fountain", "plain", "transcript") as fc.Arbitrary<"auto">, (s, hint) => {
        const doc = parseScript(s, hint);
        expect(Array.isArray(doc.elements)).toBe(true);
        for (const e of doc.elements) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on screenplay-flavoured fragments", () => {
    const token = fc.constantFrom("INT. ", "EXT. ", "\n", "\n\n", "BOB", "(beat)", "^", "@", "#", "=", "===", "~", "!", ">", "<", "[[", "]]", "/*", "*/", "*", "_", "\\", "-->", "00:00:01,000", "WEBVTT", "1.", "(4s)", "{", "[", "}", "]", '"', ":", "\r", "\t", "é", "🌊", "ש");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        const doc = parseScript(parts.join(""));
        expect(doc.warnings).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });
});
