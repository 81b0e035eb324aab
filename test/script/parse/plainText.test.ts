import { extractDuration, parseClock, parsePlainText } from "../../../src/script/parse/plainText";
import { SHOT_LIST } from "./fixtures";

describe("parsePlainText shot lists", () => {
  it("parses numbered shots with every numbering style and duration hint", () => {
    const doc = parsePlainText(SHOT_LIST);
    expect(doc.kind).toBe("shot_list");
    expect(doc.elements).toEqual([
      { type: "shot_line", line: 1, index: 1, text: "Wide of harbour at dawn", durationSeconds: 4 },
      { type: "shot_line", line: 2, index: 2, text: "Close on Nadia's hands on the rail", durationSeconds: 2.5 },
      { type: "shot_line", line: 3, index: 3, text: "Gulls over the trawlers", durationSeconds: 4 },
      { type: "shot_line", line: 4, index: 4, text: "Slow push in on the chandlery sign", durationSeconds: 90 },
      { type: "shot_line", line: 5, index: 5, text: "Drone pull-back over the village", durationSeconds: 4 },
      { type: "shot_line", line: 6, index: 6, text: "Insert: the key" },
    ]);
  });

  it("joins wrapped continuation lines onto the shot and keeps an intro paragraph", () => {
    const doc = parsePlainText("Harbour opener\n\n1. Wide of harbour,\n   gulls overhead (3 seconds)\n2. Close on rope\n3. Sign (500ms)");
    expect(doc.kind).toBe("shot_list");
    expect(doc.elements).toEqual([
      { type: "paragraph", line: 1, text: "Harbour opener" },
      { type: "shot_line", line: 3, index: 1, text: "Wide of harbour, gulls overhead", durationSeconds: 3 },
      { type: "shot_line", line: 5, index: 2, text: "Close on rope" },
      { type: "shot_line", line: 6, index: 3, text: "Sign", durationSeconds: 0.5 },
    ]);
  });

  it("keeps the author's numbering", () => {
    const doc = parsePlainText("12. Wide\n13. Close\n14. Insert");
    expect(doc.elements.map((e) => (e.type === "shot_line" ? e.index : -1))).toEqual([12, 13, 14]);
  });
});

describe("parsePlainText prose", () => {
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    const doc = parsePlainText("The harbour wakes slowly.\nBoats knock together.\n\n\nBy nine the fog is gone.");
    expect(doc.kind).toBe("plain");
    expect(doc.elements).toEqual([
      { type: "paragraph", line: 1, text: "The harbour wakes slowly. Boats knock together." },
      { type: "paragraph", line: 5, text: "By nine the fog is gone." },
    ]);
  });

  it("makes each bullet its own paragraph", () => {
    const doc = parsePlainText("Ideas:\n- gulls\n* rope\n• the key\n  on a hook\n\n10.5 seconds later it ends.");
    expect(doc.kind).toBe("plain");
    expect(doc.elements.map((e) => ("text" in e ? e.text : ""))).toEqual(["Ideas:", "gulls", "rope", "the key on a hook", "10.5 seconds later it ends."]);
  });

  it("passes emoji and RTL text through intact", () => {
    const doc = parsePlainText("🌊 The sea at dawn 🌅\n\nשלום עולם — مرحبا بالعالم");
    expect(doc.elements.map((e) => ("text" in e ? e.text : ""))).toEqual(["🌊 The sea at dawn 🌅", "שלום עולם — مرحبا بالعالم"]);
  });

  it("handles CRLF and tabs", () => {
    const doc = parsePlainText("1.\tWide (4s)\r\n2.\tClose\r\n");
    expect(doc.elements).toEqual([
      { type: "shot_line", line: 1, index: 1, text: "Wide", durationSeconds: 4 },
      { type: "shot_line", line: 2, index: 2, text: "Close" },
    ]);
  });
});

describe("duration hints", () => {
  it.each([
    ["Wide (4s)", 4],
    ["Wide (4 s)", 4],
    ["Wide (2.5 sec)", 2.5],
    ["Wide (3 secs)", 3],
    ["Wide [00:04]", 4],
    ["Wide (1:30)", 90],
    ["Wide [1:02:03]", 3723],
    ["Wide (2 min)", 120],
  ])("%s → %ss", (text, seconds) => {
    expect(extractDuration(text)).toEqual({ seconds, rest: "Wide" });
  });

  it("returns null without a hint and ignores bare numbers", () => {
    expect(extractDuration("Wide of 4 boats")).toBeNull();
    expect(parseClock("1:30")).toBe(90);
  });
});
