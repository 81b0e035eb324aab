/** Script → shots → prompts, the deterministic path every script takes. */
import { breakdownText } from "../../src/script/breakdown";
import { breakdownDocument } from "../../src/script/shots/fromDocument";
import { parseScript } from "../../src/script/parse/detect";
import { PREMIERE_JSON, SCREENPLAY, SHOT_LIST, SRT } from "./parse/fixtures";

const opts = { style: "cinematic 35mm", maxPromptChars: 1000 };

const SCENE = `INT. LIGHTHOUSE LAMP ROOM - NIGHT

ELENA (70s, silver braid, oilskin coat) polishes the great lens. The beam sweeps the dark sea.

She checks the logbook: "AUTOMATION DAY". Her hand lingers on the page.

TOMAS
They'll switch you off at midnight.

ELENA
(not looking up)
They'll switch the lamp off. Not me.

EXT. LIGHTHOUSE GALLERY - CONTINUOUS

Elena steps out into the wind. Below, TOMAS waits by the van.
`;

describe("breakdown of a screenplay", () => {
  const r = breakdownText(SCENE, opts);

  it("gives an establishing shot per scene, a shot per action paragraph and coverage for dialogue", () => {
    expect(r.format).toBe("fountain");
    expect(r.shots.map((s) => s.source)).toEqual(["establishing", "action", "action", "coverage", "establishing", "action"]);
    expect(r.shots.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("carries scene context and the characters present", () => {
    const [est, polish, , talk, , gallery] = r.shots;
    expect(est!.scene).toMatchObject({ number: 1, location: "LIGHTHOUSE LAMP ROOM", timeOfDay: "NIGHT", interior: true });
    expect(polish!.characters).toEqual(["Elena"]);
    expect(talk!.characters).toEqual(["Tomas", "Elena"]);
    expect(talk!.text).toBe("Tomas and Elena in conversation");
    expect(gallery!.scene).toMatchObject({ number: 2, interior: false });
    expect(gallery!.characters).toEqual(["Elena", "Tomas"]);
  });

  it("times action and dialogue by their words, within the shot limits", () => {
    for (const s of r.shots) expect(s.durationSeconds).toBeGreaterThanOrEqual(2);
    for (const s of r.shots) expect(s.durationSeconds).toBeLessThanOrEqual(8);
    expect(r.shots[0]!.durationSeconds).toBe(3);
    // 13 spoken words at 2.5 words a second
    expect(r.shots[3]!.durationSeconds).toBeCloseTo(5.2, 1);
    const slow = breakdownText(SCENE, { ...opts, wordsPerSecond: 1.5 });
    expect(slow.shots[3]!.durationSeconds).toBeGreaterThan(r.shots[3]!.durationSeconds);
  });

  it("describes a character the same way in every shot, and never puts dialogue or quoted words in a prompt", () => {
    const withElena = r.shots.filter((s) => s.characters.includes("Elena"));
    expect(withElena.length).toBeGreaterThanOrEqual(3);
    for (const s of withElena) expect(s.prompt).toContain("Elena (70s, silver braid, oilskin coat)");
    const all = r.shots.map((s) => s.prompt).join("\n");
    expect(all).not.toMatch(/switch you off|Not me|AUTOMATION DAY/i);
    for (const s of r.shots) expect(s.negativePrompt).toMatch(/subtitles/);
  });

  it("describes the place the same way across the shots of a scene, with the style", () => {
    const scene1 = r.shots.filter((s) => s.scene?.number === 1 && s.source !== "establishing");
    for (const s of scene1) expect(s.prompt).toContain("Interior, Lighthouse Lamp Room, night");
    for (const s of r.shots) expect(s.prompt).toContain("shot on 35mm film");
  });

  it("caps every prompt to the backend's limit, keeping what happens over the look", () => {
    const short = breakdownText(SCENE, { ...opts, maxPromptChars: 90 });
    for (const s of short.shots) expect(s.prompt.length).toBeLessThanOrEqual(90);
    expect(short.shots[1]!.prompt).toMatch(/^Elena \(70s/);
    expect(short.shots[1]!.prompt).not.toContain("35mm");
  });
});

describe("the full Fountain fixture", () => {
  it("skips notes, boneyard, transitions, centered text, sections and synopses", () => {
    const r = breakdownText(SCREENPLAY, opts);
    const text = r.shots.map((s) => `${s.text} ${s.prompt}`).join("\n");
    expect(text).not.toMatch(/Drone shot if budget|Cut for time|SAM sorts rope|THE END|CUT TO|ACT ONE|twenty years ago\./);
    expect(r.title).toMatch(/^THE HARBOUR/);
    expect(r.shots.filter((s) => s.source === "establishing").map((s) => s.scene!.location)).toEqual(
      expect.arrayContaining(["HARBOUR - NORTH PIER", "FISHING VILLAGE"]),
    );
    expect(r.shots.some((s) => s.source === "coverage" && s.characters.includes("Nadia"))).toBe(true);
  });
});

describe("shot lists, narration and transcripts", () => {
  it("keeps explicit (4s) hints and numbers shots in order", () => {
    const r = breakdownText(SHOT_LIST, opts);
    expect(r.format).toBe("shot_list");
    expect(r.shots[0]).toMatchObject({ source: "shot_list", durationSeconds: 4, durationFrom: "hint" });
    expect(r.shots[0]!.text).not.toContain("4s");
  });

  it("splits long narration into beats no longer than the longest shot", () => {
    const para = Array.from({ length: 12 }, (_, i) => `The tide turns for the ${i + 1}th time and the nets come in heavy.`).join(" ");
    const r = breakdownText(para, opts);
    expect(r.shots.length).toBeGreaterThan(3);
    expect(r.shots.every((s) => s.source === "narration" && s.durationSeconds <= 8)).toBe(true);
  });

  it("lands transcript shots on the time ranges of their words", () => {
    const r = breakdownText(SRT, opts);
    expect(r.format).toBe("transcript");
    for (const s of r.shots) {
      expect(s.range).toBeDefined();
      expect(s.durationSeconds).toBeCloseTo(s.range!.endSeconds - s.range!.startSeconds, 3);
    }
    expect(r.shots[0]!.range!.startSeconds).toBe(1);
    const doc = parseScript(PREMIERE_JSON);
    const b = breakdownDocument(doc);
    const segs = doc.elements.filter((e) => e.type === "transcript_segment");
    expect(b.shots[0]!.range!.startSeconds).toBe((segs[0] as { startSeconds: number }).startSeconds);
    expect(b.shots.at(-1)!.range!.endSeconds).toBe((segs.at(-1) as { endSeconds: number }).endSeconds);
  });

  it("cuts one very long transcript segment into stretches that still cover it end to end", () => {
    const srt = "1\n00:00:10,000 --> 00:00:40,000\n" + Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ") + "\n";
    const r = breakdownText(srt, opts);
    expect(r.shots.length).toBe(4);
    expect(r.shots[0]!.range!.startSeconds).toBe(10);
    expect(r.shots.at(-1)!.range!.endSeconds).toBe(40);
    for (let i = 1; i < r.shots.length; i++) expect(r.shots[i]!.range!.startSeconds).toBe(r.shots[i - 1]!.range!.endSeconds);
  });
});

describe("bad input", () => {
  it("empty text and binary garbage give a clear message and no shots", () => {
    expect(breakdownText("", opts)).toMatchObject({ shots: [], notices: [expect.stringMatching(/empty/i)] });
    const garbage = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const g = breakdownText(garbage, opts);
    expect(g.shots).toEqual([]);
    expect(g.notices[0]).toMatch(/does not look like text/);
  });

  it("a script of only dialogue becomes coverage of the speakers", () => {
    const r = breakdownText("MARA\nWhere were you?\n\nJON\nOut.\n\nMARA\nAll night?\n", opts);
    expect(r.shots.length).toBeGreaterThan(0);
    expect(r.shots.every((s) => s.source === "coverage")).toBe(true);
    expect(r.shots.map((s) => s.prompt).join(" ")).not.toMatch(/Where were you|All night/);
  });

  it("CRLF, tabs, emoji and RTL text come through intact", () => {
    const r = breakdownText("EXT. SOUK - DAY\r\n\r\n\tA vendor 🧿 calls out: مرحبا بكم. Spices glow in the sun.\r\n", opts);
    expect(r.shots.map((s) => s.source)).toEqual(["establishing", "action"]);
    expect(r.shots[1]!.text).toContain("🧿");
    expect(r.shots[1]!.text).toContain("مرحبا");
  });

  it("5 MB of text ends with a bounded shot list and a notice, not a hang", () => {
    const big = "The crowd surges forward. ".repeat(200_000);
    const r = breakdownText(big, opts);
    expect(r.shots.length).toBeLessThanOrEqual(2000);
    expect(r.notices.join(" ")).toMatch(/only the (first|beginning)/i);
  });

  it("an unclosed boneyard hides the rest with a warning instead of failing", () => {
    const r = breakdownText("EXT. DOCK - DAY\n\nRain.\n\n/* unfinished\n\nINT. HOLD - NIGHT\n", opts);
    expect(r.shots.map((s) => s.source)).toEqual(["establishing", "action"]);
    expect(r.notices.join(" ")).toMatch(/boneyard|\/\*/i);
  });
});
