import { parseFountain, stripEmphasis } from "../../../src/script/parse/fountain";
import type { ScriptElement } from "../../../src/script/parse/model";
import { SCREENPLAY } from "./fixtures";

const ofType = <T extends ScriptElement["type"]>(els: ScriptElement[], type: T): Extract<ScriptElement, { type: T }>[] =>
  els.filter((e): e is Extract<ScriptElement, { type: T }> => e.type === type);

describe("parseFountain on a full screenplay", () => {
  const doc = parseFountain(SCREENPLAY);
  const els = doc.elements;

  it("reads the title page including indented multi-line values", () => {
    expect(doc.kind).toBe("fountain");
    expect(doc.title).toBe("THE HARBOUR A short film");
    expect(doc.titlePage["author"]).toBe("Mira Okafor");
    expect(doc.titlePage["draft date"]).toBe("1 March 2025");
    expect(doc.titlePage["contact"]).toBe("Okafor Films\n12 Quay Street");
    expect(doc.warnings).toEqual([]);
  });

  it("parses sections and synopses", () => {
    expect(ofType(els, "section")).toEqual([
      { type: "section", line: 10, level: 1, text: "ACT ONE" },
      { type: "section", line: 12, level: 2, text: "Morning" },
    ]);
    expect(ofType(els, "synopsis")[0]).toEqual({ type: "synopsis", line: 14, text: "Nadia returns to the harbour she left twenty years ago." });
  });

  it("parses scene headings with int/ext, location, time of day and scene numbers", () => {
    const heads = ofType(els, "scene_heading");
    expect(heads[0]).toEqual({
      type: "scene_heading", line: 16, text: "EXT. HARBOUR - NORTH PIER - DAWN",
      location: "HARBOUR - NORTH PIER", timeOfDay: "DAWN", intExt: "EXT", sceneNumber: "1A",
    });
    expect(heads.map((h) => [h.intExt, h.location, h.timeOfDay])).toEqual([
      ["EXT", "HARBOUR - NORTH PIER", "DAWN"],
      [null, "FLASHBACK - HARBOUR", "1999"],
      ["INT/EXT", "NADIA'S CAR", "CONTINUOUS"],
      ["INT", "chandlery", "night"],
      ["INT/EXT", "HARBOUR OFFICE", "DAY"],
      ["EST", "FISHING VILLAGE", "MORNING"],
    ]);
  });

  it("keeps multi-line action together, strips emphasis and pulls out notes", () => {
    const action = ofType(els, "action");
    expect(action[0]).toEqual({
      type: "action", line: 18,
      text: "Fog rolls off the water. Gulls wheel over rusting trawlers.\nA lone figure walks the pier.",
    });
    expect(doc.notes).toEqual(["Drone shot if budget allows"]);
    expect(action.find((a) => a.text.startsWith("THE SAME PIER"))).toBeDefined();
    expect(action.find((a) => a.text.startsWith("Sam hands"))?.text).toBe("Sam hands her a key. *Not* the one she expected. She turns it over, slowly.");
  });

  it("parses lyrics as lyric action", () => {
    expect(ofType(els, "action").filter((a) => a.lyric)).toEqual([
      { type: "action", line: 24, lyric: true, text: "Down by the water, the old boats sing\nOf every storm and every spring" },
    ]);
  });

  it("removes the boneyard, including the scene inside it", () => {
    expect(JSON.stringify(els)).not.toMatch(/CHANDLERY - DAY|sorts rope/);
  });

  it("parses dialogue with extensions, parentheticals, dual and forced characters", () => {
    const d = ofType(els, "dialogue");
    expect(d.map((x) => x.character)).toEqual(["NADIA", "NADIA", "SAM", "NADIA", "McCLANE"]);
    expect(d[0]).toMatchObject({ extension: "V.O.", text: "I swore I'd never come back.", dual: false });
    expect(d[1]).toMatchObject({
      extension: "CONT'D", parentheticals: ["(to herself)", "(beat)"], text: "Twenty years.\nStill smells like diesel.", dual: false,
    });
    expect(d[2]).toMatchObject({ text: "Nadia? Is that you?", dual: true });
    expect(d[3]).toMatchObject({ text: "Hello, Sam.", dual: true });
    expect(d[3]?.extension).toBeUndefined();
    expect(d[4]).toMatchObject({ text: "Who's asking?", dual: false });
  });

  it("parses transitions, centered text and page breaks", () => {
    expect(ofType(els, "transition").map((t) => t.text)).toEqual(["CUT TO:", "FADE TO BLACK."]);
    expect(ofType(els, "centered")).toEqual([{ type: "centered", line: 57, text: "THE END" }]);
    expect(ofType(els, "page_break")).toHaveLength(1);
  });

  it("reports source lines in order", () => {
    const lines = els.map((e) => e.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(lines.every((l) => l >= 1)).toBe(true);
  });
});

describe("parseFountain edge cases", () => {
  it("normalises CRLF, CR and tabs without shifting line numbers", () => {
    const doc = parseFountain("INT. KITCHEN - DAY\r\n\r\nBOB\r\n\tHello.\r\rEXT. YARD - NIGHT\r");
    expect(doc.elements).toEqual([
      expect.objectContaining({ type: "scene_heading", line: 1, location: "KITCHEN" }),
      expect.objectContaining({ type: "dialogue", line: 3, character: "BOB", text: "Hello." }),
      expect.objectContaining({ type: "scene_heading", line: 6, location: "YARD", timeOfDay: "NIGHT" }),
    ]);
  });

  it("does not treat a doubled dot or a heading without a blank line before it as a scene heading", () => {
    const doc = parseFountain("She waits.\nINT. nothing here\n\n...and then.");
    expect(doc.elements.every((e) => e.type === "action")).toBe(true);
  });

  it("warns on an unclosed boneyard and drops the rest", () => {
    const doc = parseFountain("Kept line.\n\n/* dropped\n\nINT. GONE - DAY\n");
    expect(doc.elements).toEqual([{ type: "action", line: 1, text: "Kept line." }]);
    expect(doc.warnings.join(" ")).toMatch(/boneyard.*line 3.*never closed/);
  });

  it("warns on an unclosed note and keeps its text as a note", () => {
    const doc = parseFountain("Kept line. [[ remember\nthe gulls\n\nEXT. SEA - DAY");
    expect(doc.elements).toEqual([{ type: "action", line: 1, text: "Kept line." }]);
    expect(doc.notes).toEqual(["remember\nthe gulls\n\nEXT. SEA - DAY"]);
    expect(doc.warnings.join(" ")).toMatch(/note.*never closed/);
  });

  it("a note between dialogue lines does not split the speech", () => {
    const doc = parseFountain("\nBOB\nHello.\n[[tweak this]]\nGoodbye.");
    expect(doc.elements).toEqual([expect.objectContaining({ type: "dialogue", character: "BOB", text: "Hello.\nGoodbye." })]);
  });

  it("parses a script that is only dialogue", () => {
    const doc = parseFountain("NADIA\nYou came.\n\nSAM\n(quietly)\nI always do.\n\nNADIA\nليلة سعيدة 🌙");
    const d = doc.elements.filter((e) => e.type === "dialogue");
    expect(d).toHaveLength(3);
    expect(d[2]).toMatchObject({ character: "NADIA", text: "ليلة سعيدة 🌙" });
  });

  it("keeps two-space lines inside dialogue", () => {
    const doc = parseFountain("BOB\nLine one.\n  \nLine two.");
    expect(doc.elements[0]).toMatchObject({ type: "dialogue", text: "Line one.\n\nLine two." });
  });

  it("does not mistake ordinary 'Key: value' action for a title page", () => {
    const doc = parseFountain("Note: she is late.\n\nShe runs.");
    expect(doc.titlePage).toEqual({});
    expect(doc.elements).toHaveLength(2);
  });
});

describe("stripEmphasis", () => {
  it.each([
    ["*italic*", "italic"],
    ["**bold**", "bold"],
    ["***bold italic***", "bold italic"],
    ["_underline_", "underline"],
    ["**bold *and italic* text**", "bold and italic text"],
    ["\\*not italic\\*", "*not italic*"],
    ["file_name_here and 2 * 3", "file_name_here and 2 * 3"],
    ["a lone * star", "a lone * star"],
  ])("%s → %s", (input, out) => {
    expect(stripEmphasis(input)).toBe(out);
  });

  it("stays fast on pathological asterisks", () => {
    const evil = "*a ".repeat(200_000);
    expect(stripEmphasis(evil)).toBe(evil);
  });
});
