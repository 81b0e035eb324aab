/** Text that went through a wrong conversion is repaired, or the editor is told exactly what is wrong. */
import { breakdownText } from "../../../src/script/breakdown";
import { parseScript } from "../../../src/script/parse/detect";

const opts = { style: "none", maxPromptChars: 2000 };

/** what a UTF-8 file looks like when read as Windows-1252 */
function misread(s: string): string {
  const cp1252 = new Map<number, string>([[0x80, "€"], [0x82, "‚"], [0x84, "„"], [0x85, "…"], [0x91, "‘"], [0x92, "’"], [0x93, "“"], [0x94, "”"], [0x96, "–"], [0x97, "—"], [0x99, "™"], [0x9c, "œ"]]);
  return [...Buffer.from(s, "utf8")].map((b) => (b >= 0x80 && b <= 0x9f ? (cp1252.get(b) ?? String.fromCharCode(b)) : String.fromCharCode(b))).join("");
}

describe("mis-decoded text", () => {
  const SCRIPT = "EXT. CAFÉ – DAY\n\nÉLODIE (30s) sips a crème brûlée latte. It’s “perfect” — she smiles.\n";

  it("UTF-8 read as Windows-1252 is repaired, with a notice", () => {
    const bad = misread(SCRIPT);
    expect(bad).toContain("â€™");
    const r = breakdownText(bad, opts);
    const all = r.shots.map((s) => s.prompt).join(" ");
    expect(all).toContain("Élodie (30s) sips a crème brûlée latte. It’s — she smiles.");
    expect(all).not.toMatch(/Ã|â€/);
    expect(r.notices.join(" ")).toMatch(/garbled by a wrong conversion .* repaired/);
    expect(r.shots[0]!.prompt).toContain("Café");
  });

  it("Windows-1252 read as UTF-8 never sends U+FFFD to a prompt, and says how to fix the file, even above 5 %", () => {
    const lossy = "EXT. CAF\uFFFD - DAY\n\nShe orders a cr\uFFFDme br\uFFFDl\uFFFDe. The caf\uFFFD is full.\n";
    const r = breakdownText(lossy, opts);
    expect(r.shots.length).toBeGreaterThan(0);
    expect(r.shots.map((s) => s.prompt).join(" ")).not.toContain("\uFFFD");
    expect(r.notices.join(" ")).toMatch(/5 character\(s\) were lost .* saved as Windows-1252 or Latin-1 and read as UTF-8.* re-save the file as UTF-8/);
    expect(r.notices.join(" ")).not.toMatch(/does not look like text/);
  });

  it("real binary is still refused", () => {
    expect(parseScript("\u0000\u0001\u0002\u0003PNG\u0000\u0000IHDR\u0007\u0008").warnings[0]).toMatch(/does not look like text/);
  });
});
