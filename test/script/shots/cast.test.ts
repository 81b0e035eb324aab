/** The cast bible: real characters only, variants merged, descriptions by scene, the editor's override everywhere. */
import { breakdownText } from "../../../src/script/breakdown";
import { castOf, charactersIn } from "../../../src/script/shots/cast";
import { parseFountain } from "../../../src/script/parse/fountain";

const opts = { style: "none", maxPromptChars: 2000 };
const names = (text: string) => castOf(parseFountain(text).elements).members.map((m) => m.name);

describe("who is in the cast", () => {
  const SCRIPT = `INT. FARMHOUSE - NIGHT

The boards CREAK. LOW ANGLE, looking up at the rafters. A FLASH of lightning. Thunder RUMBLES, a low roll.

MARTHA (60s, flour on her apron) lifts the lamp.

MARTHA
Who's there?

The creak again. Martha freezes.
`;

  it("takes characters from cues and introductions, never from sound effects or camera words", () => {
    expect(names(SCRIPT)).toEqual(["Martha"]);
  });

  it("matches names by their case, so the common word 'creak' never pulls anyone in", () => {
    const r = breakdownText(SCRIPT, opts);
    const creak = r.shots.find((s) => s.text.startsWith("The creak again"))!;
    expect(creak.characters).toEqual(["Martha"]);
    const willCast = castOf(parseFountain("INT. ROOM - DAY\n\nWILL (17), braces, slouches in.\n\nShe will leave soon.\n").elements);
    expect(charactersIn("She will leave soon.", willCast)).toEqual([]);
    expect(charactersIn("Will leaves. WILL is gone.", willCast)).toEqual(["Will"]);
  });

  it("an accented introduction keeps its description", () => {
    const cast = castOf(parseFountain("EXT. MARCHÉ - DAY\n\nÉLODIE (30s, red scarf) haggles over peaches.\n").elements);
    expect(cast.members.map((m) => [m.name, cast.describe(m.name, 1)])).toEqual([["Élodie", "30s, red scarf"]]);
  });
});

describe("name variants and descriptions over time", () => {
  const FILM = `INT. HOSPITAL - DAY

EDWARD BLOOM (60s, charming, pale) lies in bed.

EDWARD
Did I ever tell you about the witch?

INT. BEDROOM - NIGHT

WILL (3) listens from his bed.

EXT. SCHOOL - DAY

WILL, now 17 with braces, kicks a can.

MR. SOGGYBOTTOM (50s, tweed) pulls a revolver.

SOGGYBOTTOM
Class dismissed.

INT. APARTMENT - DAY

WILL (30s, tired eyes) packs a suitcase.

WILL
I'm going home.
`;

  it("merges Edward into Edward Bloom and Soggybottom into Mr. Soggybottom", () => {
    const cast = castOf(parseFountain(FILM).elements);
    expect(cast.members.map((m) => m.name).sort()).toEqual(["Edward Bloom", "Mr. Soggybottom", "Will"]);
    expect(cast.resolve("EDWARD")?.name).toBe("Edward Bloom");
    const r = breakdownText(FILM, opts);
    const talk = r.shots.find((s) => s.source === "coverage" && s.scene?.number === 1)!;
    expect(talk.characters).toEqual(["Edward Bloom"]);
    expect(talk.prompt).toContain("Edward Bloom (60s, charming, pale)");
  });

  it("a later introduction describes the character from its scene on", () => {
    const r = breakdownText(FILM, opts);
    const will = (scene: number) => r.shots.filter((s) => s.scene?.number === scene && s.characters.includes("Will")).map((s) => s.prompt);
    expect(will(2).join()).toContain("Will (3)");
    expect(will(3).join()).toContain("Will, now 17 with braces");
    expect(will(3).join()).not.toContain("Will (3)");
    expect(will(4).join()).toContain("Will (30s, tired eyes)");
    expect(will(4).join()).not.toMatch(/braces|Will \(3\)/);
  });

  it("the editor's override of a description is used in every prompt, whatever variant names the character", () => {
    const r = breakdownText(FILM, { ...opts, castOverrides: { Edward: "70s, white beard, blue pyjamas", WILL: "played by one actor, dark curls" } });
    const prompts = r.shots.filter((s) => s.characters.length).map((s) => s.prompt);
    expect(prompts.filter((p) => p.includes("Edward Bloom")).every((p) => p.includes("Edward Bloom (70s, white beard, blue pyjamas)"))).toBe(true);
    expect(prompts.join("\n")).not.toMatch(/charming, pale|braces|tired eyes|Will \(3\)/);
    expect(r.cast.find((c) => c.name === "Edward Bloom")).toMatchObject({ description: "70s, white beard, blue pyjamas", overridden: true });
    expect(r.cast.find((c) => c.name === "Mr. Soggybottom")).toMatchObject({ description: "50s, tweed", overridden: false });
  });
});

describe("introductions as scripts write them", () => {
  it("keeps initials and titles in the name, merges the short form, and stops the description at the action", () => {
    const cast = castOf(
      parseFountain(
        "EXT. YARD - DAY\n\nThe ENGINEER, J. P. MORROW (30s, hi-vis jacket), waits by the shed while Dr. Okafor signs.\n\nSERGEANT BRICK BRADDOCK (40s, sunburnt) leans on the gate.\n\nBRICK\nAll clear.\n\nMORROW\nRight.\n",
      ).elements,
    );
    expect(cast.members.map((m) => [m.name, cast.describe(m.name, 1)])).toEqual([
      ["J. P. Morrow", "30s, hi-vis jacket"],
      ["Sergeant Brick Braddock", "40s, sunburnt"],
    ]);
  });
});
