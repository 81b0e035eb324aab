/** A screenplay's shots: what each picture shows, for how long, and how its prompt reads. */
import { breakdownText } from "../../../src/script/breakdown";

const opts = { style: "none", maxPromptChars: 2000 };
const words = (n: number, w = "word") => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ") + ".";

describe("voice-over and off-screen lines", () => {
  const SCRIPT = `EXT. RIVER - DAY

A huge CATFISH glides through the murky water.

EDWARD (V.O.)
There are some fish that cannot be caught.

SANDRA (O.S.)
Edward! Dinner!

INT. KITCHEN - NIGHT

JENNY (PRELAP)
You came back.

Jenny stirs a pot on the stove.
`;
  const r = breakdownText(SCRIPT, opts);

  it("show what the scene shows, never the speaker", () => {
    const vo = r.shots.filter((s) => s.source === "voice_over");
    expect(vo.length).toBe(3);
    expect(r.shots.some((s) => /speaking|in conversation/.test(s.text))).toBe(false);
    expect(vo[0]!.text).toMatch(/catfish glides/i);
    expect(vo[0]!.characters).not.toContain("Edward");
    expect(vo[0]!.prompt).not.toMatch(/Edward|Sandra/);
    // a prelap before any action plays over the action that follows in its scene
    expect(vo[2]!.text).toMatch(/^Jenny stirs a pot/);
    expect(vo[2]!.scene?.location).toBe("KITCHEN");
  });

  it("are still timed by their words", () => {
    const edward = r.shots.find((s) => s.source === "voice_over")!;
    expect(edward.durationSeconds).toBeCloseTo(8 / 2.5, 1);
  });

  it("with nothing else in the scene, show its location", () => {
    const only = breakdownText("INT. ATTIC - NIGHT\n\nNARRATOR (V.O.)\nIt was always cold up here.\n", opts);
    const vo = only.shots.find((s) => s.source === "voice_over")!;
    expect(vo.text).toBe("ATTIC");
    expect(vo.prompt).toMatch(/^Wide shot: Attic/);
  });
});

describe("long speeches", () => {
  const speech = words(40, "tide");
  const SCRIPT = `INT. COURTROOM - DAY\n\nJUDGE HALE (60s) looks down at MARCUS (20s, cuffed).\n\nJUDGE HALE\n${speech}\n\nMARCUS\nNo.\n`;
  const r = breakdownText(SCRIPT, opts);
  const pieces = r.shots.filter((s) => s.source === "coverage" && s.line === 5);

  it("become several shots whose durations add up to the spoken time", () => {
    expect(pieces.length).toBe(2);
    const total = pieces.reduce((a, s) => a + s.durationSeconds, 0);
    expect(total).toBeCloseTo(40 / 2.5, 5);
    for (const p of pieces) expect(p.durationSeconds).toBeLessThanOrEqual(8);
  });

  it("vary the picture: the speaker, then the listener", () => {
    expect(pieces.map((p) => p.framing)).toEqual(["medium", "reverse"]);
    expect(pieces[1]!.text).toBe("Marcus listening to Judge Hale");
    expect(new Set(pieces.map((p) => p.prompt)).size).toBe(pieces.length);
  });

  it("fit the backend's longest clip and follow the words-per-second setting", () => {
    const short = breakdownText(SCRIPT, { ...opts, clipMaxSeconds: 5, wordsPerSecond: 2 });
    const ps = short.shots.filter((s) => s.source === "coverage" && s.line === 5);
    expect(ps.length).toBe(4);
    expect(ps.reduce((a, s) => a + s.durationSeconds, 0)).toBeCloseTo(20, 5);
    for (const p of ps) expect(p.durationSeconds).toBeLessThanOrEqual(5);
    expect(ps.map((p) => p.framing)).toEqual(["medium", "reverse", "close", "insert"]);
  });
});

describe("sentences and subjects", () => {
  it("keeps abbreviations and initials whole", () => {
    const para = "The lights flicker twice and the whole classroom goes quiet at once. Mr. Soggybottom pulls a revolver from the drawer of the old oak desk by St. Mary's window. Dr. J. R. Okafor ducks behind the upright piano with the register.";
    const r = breakdownText(`INT. STUDY - NIGHT\n\n${para}\n`, opts);
    const action = r.shots.filter((s) => s.source === "action").map((s) => s.text);
    expect(action).toEqual([
      "The lights flicker twice and the whole classroom goes quiet at once.",
      "Mr. Soggybottom pulls a revolver from the drawer of the old oak desk by St. Mary's window.",
      "Dr. J. R. Okafor ducks behind the upright piano with the register.",
    ]);
  });

  it("carries the subject into every piece of a split paragraph, and into a paragraph that starts with a pronoun", () => {
    const para = `NADIA (40s, salt-grey coat) walks the length of the pier, past the boats her father once mended, counting the moorings one by one as the fog lifts. She stops at the last bollard and looks out at the grey water for a long time without moving at all. Her hands find the old rope in her coat pocket.`;
    const r = breakdownText(`EXT. PIER - DAWN\n\n${para}\n\nShe turns back.\n`, opts);
    const action = r.shots.filter((s) => s.source === "action");
    expect(action.length).toBeGreaterThanOrEqual(3);
    for (const s of action) {
      expect(s.text).not.toMatch(/^(He|She|His|Her)\b/);
      expect(s.characters).toContain("Nadia");
    }
    expect(action.some((s) => s.text.startsWith("Nadia's hands find"))).toBe(true);
    expect(action.at(-1)!.text).toBe("Nadia turns back.");
  });
});

describe("lines that are not pictures", () => {
  it("FADE IN:, INTERCUT WITH:, TITLE OVER: and SUPER: make no shots", () => {
    const r = breakdownText(`FADE IN:\n\nEXT. HARBOUR - DAWN\n\nFog.\n\nINTERCUT WITH:\n\nTITLE OVER: "Three years later"\n\nSUPER: LONDON, 1999\n\nGulls wheel.\n\nBACK TO SCENE\n\nFADE OUT.\n`, opts);
    expect(r.shots.map((s) => s.text)).toEqual(["HARBOUR", "Fog.", "Gulls wheel."]);
    expect(r.shots.map((s) => s.prompt).join(" ")).not.toMatch(/fade|intercut|title|super|back to/i);
  });
});

describe("forced headings that are not places", () => {
  const r = breakdownText(`EXT. ROOFTOP - NIGHT\n\nRain on the gravel.\n\n.SNIPER SCOPE POV\n\nMARA (30s) crosses the yard below.\n\n.FLASHBACK\n\nA child runs through a field.\n\n.OPENING TITLES\n\nSmoke curls.\n`, opts);

  it("keep the current location, change only the framing or the period, and open no establishing shot", () => {
    expect(r.shots.filter((s) => s.source === "establishing").map((s) => s.text)).toEqual(["ROOFTOP"]);
    const pov = r.shots.find((s) => s.text.includes("crosses the yard"))!;
    expect(pov.scene?.location).toBe("ROOFTOP");
    expect(pov.prompt).toMatch(/^Sniper scope pov: Mara \(30s\) crosses the yard below\. Exterior, Rooftop, night/);
    const child = r.shots.find((s) => s.text.includes("child runs"))!;
    expect(child.prompt).toContain("Exterior, Rooftop, night, flashback");
    const smoke = r.shots.find((s) => s.text.includes("Smoke"))!;
    expect(smoke.prompt).toMatch(/^Smoke curls\. Exterior, Rooftop, night\.$/);
    expect(r.shots.map((s) => s.prompt).join(" ")).not.toMatch(/Establishing wide shot of (Sniper|Flashback|Opening)/i);
  });
});

describe("prompt cosmetics", () => {
  it("re-cases any alphabet, leaves no shouted two-letter word, keeps place names and reads '- DAY (LATER)' as daylight", () => {
    const r = breakdownText(`EXT. MARCHÉ AUX PUCES - DAY (LATER)\n\nÉLODIE (30s) waves at the CAFÉ OWNER. LOW ANGLE ON the sign. FADE IN on a TV.\n\nINT. ASHTON - NIGHT\n\nÉlodie raises a glass: To destiny!\n`, opts);
    const [est, act, , toast] = r.shots;
    expect(est!.prompt).toBe("Establishing wide shot of Marché Aux Puces. Exterior, daylight.");
    expect(act!.prompt).toContain("Élodie (30s) waves at the Café Owner. Low angle on the sign. Fade in on a TV.");
    expect(act!.prompt).not.toMatch(/ÉE|MarchÉ|IN on|later/);
    expect(act!.prompt).toContain("a TV");
    expect(toast!.prompt).toContain("Interior, Ashton, night");
    expect(toast!.prompt).not.toMatch(/!\.|ashton/);
  });
});

describe("duration hints only where the format defines them", () => {
  it("an age in a cue or an introduction is never a duration (issue 14: 'TOMAS (60s)' became a 60 s shot)", () => {
    const r = breakdownText(`INT. GARAGE - DAY\n\nTOMAS (60s) waits by the van.\n\nTOMAS (60s)\nYou're late.\n`, opts);
    expect(r.shots.map((s) => s.durationSeconds).every((d) => d <= 8)).toBe(true);
    expect(r.shots.every((s) => s.durationFrom !== "hint")).toBe(true);
    expect(r.shots.find((s) => s.source === "action")!.prompt).toContain("Tomas (60s) waits by the van");
  });

  it("a shot list's hints are kept, clamped to the backend's limits with a notice", () => {
    const r = breakdownText(`1. Wide of the harbour (99999s)\n2. Close on a gull (4s)\n3. Flash frame (0.2s)\n`, { ...opts, clipMinSeconds: 2, clipMaxSeconds: 10 });
    expect(r.shots.map((s) => s.durationSeconds)).toEqual([10, 4, 2]);
    expect(r.notices.join(" ")).toMatch(/renders clips of 2–10 s, so shot 1 asked for 99999 s and is 10 s; shot 3 asked for 0.2 s and is 2 s/);
  });
});

describe("Fountain without scene headings", () => {
  it("a character cue and its speech are Fountain evidence, so the speech never becomes a shot", () => {
    const r = breakdownText("Rain streaks the window of a diner.\n\nTOM\nPick up.\n\nThe phone keeps ringing.\n", opts);
    expect(r.format).toBe("fountain");
    expect(r.shots.map((s) => s.source)).toEqual(["action", "coverage", "action"]);
    expect(r.shots.map((s) => s.prompt).join(" ")).not.toMatch(/Pick up/);
    const vo = breakdownText("The city at night.\n\nNARRATOR (V.O.)\nEveryone here has a secret.\n", opts);
    expect(vo.format).toBe("fountain");
    expect(vo.shots.map((s) => s.prompt).join(" ")).not.toMatch(/secret/);
  });

  it("prose with a capitalised heading stays prose", () => {
    expect(breakdownText("CHAPTER ONE\nIt was a cold morning.\n\nThe boats went out.\n", opts).format).toBe("plain");
  });
});

describe("montages", () => {
  it("make a beat of each item, with no scene's location, and the scene comes back after", () => {
    const r = breakdownText(`INT. WHEELHOUSE - DAY\n\nThe SKIPPER (60s) pours tea.\n\nMONTAGE - THE LAST WEEK\n\n- NELL (30s) scrubs the lens.\n- She writes in the log.\n\nEND MONTAGE\n\nThe kettle whistles.\n`, opts);
    const items = r.shots.filter((s) => s.scene?.period === "montage");
    expect(items.map((s) => s.text)).toEqual(["NELL (30s) scrubs the lens.", "Nell writes in the log."]);
    for (const s of items) expect(s.prompt).not.toMatch(/Wheelhouse|^- /);
    expect(r.shots.at(-1)!.prompt).toContain("Interior, Wheelhouse, daylight");
  });
});
