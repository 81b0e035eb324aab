/** Placeholder rules as words and examples (issue 14 item 6): what the editor types matches what they mean. */
import { patternsAsWords, patternToWord, wordsToPatterns, wordToPattern } from "../../src/app/placeholderWords";
import { DEFAULT_PLACEHOLDER_PATTERNS } from "../../src/app/settings";

const matches = (word: string, name: string): boolean => new RegExp(wordToPattern(word)!, "i").test(name);

describe("placeholder words", () => {
  it("an example with a number matches any number; words match whole and in any case", () => {
    expect(matches("SHOT 12", "SHOT 14")).toBe(true);
    expect(matches("SHOT 12", "shot7")).toBe(true);
    expect(matches("SHOT 12", "SHOTGUN MIC")).toBe(false);
    expect(matches("TK", "tk – harbour")).toBe(true);
    expect(matches("TK", "Takeoff_TKO.mov")).toBe(false);
    expect(matches("B-ROLL", "b-roll market")).toBe(true);
    expect(matches("file (1).mov", "file (1).mov")).toBe(true);
  });

  it("the defaults read back as words, and words typed with commas or lines become patterns", () => {
    expect(patternsAsWords(DEFAULT_PLACEHOLDER_PATTERNS)).toBe("PLACEHOLDER, TBD, TK, SLATE, SHOT 12, B-ROLL");
    expect(wordsToPatterns("PLACEHOLDER, TBD\nSHOT 3, ")).toEqual(["\\bPLACEHOLDER\\b", "\\bTBD\\b", "\\bSHOT\\s*\\d+\\b"]);
    for (const w of ["PLACEHOLDER", "SHOT 12", "B-ROLL", "TEMP CARD"]) expect(patternToWord(wordToPattern(w)!)).toBe(w);
  });

  it("a real regular expression is kept as one (the advanced view)", () => {
    expect(patternToWord("^(TEMP|TMP)_\\d{3}$")).toBeNull();
    expect(patternsAsWords(["PLACEHOLDER", "^TEMP.*"])).toBeNull();
  });
});
