/** Subtitles as they come from the wild: loose blank lines, bad timings, SDH speaker tags. */
import { breakdownText } from "../../../src/script/breakdown";
import { parseScript } from "../../../src/script/parse/detect";
import type { TranscriptSegmentElement } from "../../../src/script/parse/model";

const opts = { style: "none", maxPromptChars: 2000 };
const segs = (text: string) => parseScript(text).elements as TranscriptSegmentElement[];

describe("a blank line after the timing line", () => {
  const SRT = "1\n00:01:27,420 --> 00:01:29,000\n\nWe go at dawn.\n\n2\n00:01:29,500 --> 00:01:31,000\n\nBring the rope.\nAnd the lamp.\n\n3\n00:01:32,000 --> 00:01:34,000\nNo blank here.\n";

  it("is read as the cue's text, not as prose", () => {
    const doc = parseScript(SRT);
    expect(doc.kind).toBe("transcript");
    expect(segs(SRT).map((s) => [s.text, s.startSeconds, s.endSeconds])).toEqual([
      ["We go at dawn.", 87.42, 89],
      ["Bring the rope.\nAnd the lamp.", 89.5, 91],
      ["No blank here.", 92, 94],
    ]);
    const r = breakdownText(SRT, opts);
    expect(r.shots.map((s) => s.prompt).join(" ")).not.toMatch(/-->|00:01/);
  });

  it("a file that looks like subtitles but has no readable cue says so instead of becoming prose", () => {
    const broken = "1\n00:01:27,420 --> 00:01:99,000\nOne.\n\n2\n00:01:29,500 --> 00:01:75,000\nTwo.\n";
    const r = breakdownText(broken, opts);
    expect(r.format).toBe("transcript");
    expect(r.shots).toEqual([]);
    expect(r.notices.join(" ")).toMatch(/looks like subtitles \(SRT\), but none of its cues could be read/);
    expect(r.notices.join(" ")).toMatch(/2 cue\(s\) have a timing that cannot be read \(line 2, line 6\)/);
  });
});

describe("cue timing is sorted, checked and reported", () => {
  it("an end before its start gives no 0 s shot, and says which cue", () => {
    const r = breakdownText("1\n00:00:05,000 --> 00:00:02,000\nThe tide is turning now.\n\n2\n00:00:09,000 --> 00:00:11,000\nBoats go out.\n", opts);
    expect(r.shots.every((s) => s.durationSeconds > 0)).toBe(true);
    expect(r.shots[0]!.range).toEqual({ startSeconds: 5, endSeconds: 7 });
    expect(r.notices.join(" ")).toMatch(/1 cue\(s\) end before they start \(line 2\)/);
  });

  it("out-of-order and overlapping cues are put in order, and a 500-hour cue does not vanish", () => {
    const srt = [
      "1\n00:00:20,000 --> 00:00:22,000\nThird.",
      "2\n00:00:01,000 --> 00:00:03,500\nFirst.",
      "3\n00:00:03,000 --> 00:00:05,000\nSecond overlaps.",
      "4\n00:00:30,000 --> 500:00:00,000\nA cue typed wrong lasts five hundred hours.",
    ].join("\n\n");
    const doc = parseScript(srt);
    expect(segs(srt).map((s) => [s.text, s.startSeconds, s.endSeconds])).toEqual([
      ["First.", 1, 3],
      ["Second overlaps.", 3, 5],
      ["Third.", 20, 22],
      ["A cue typed wrong lasts five hundred hours.", 30, 30],
    ]);
    const w = doc.warnings.join(" ");
    expect(w).toMatch(/out of time order/);
    expect(w).toMatch(/start before the one before them ends \(line 10\)/);
    expect(w).toMatch(/last more than 5 minutes \(line 14\)/);
    const r = breakdownText(srt, opts);
    const last = r.shots.at(-1)!;
    expect(last.text).toMatch(/five hundred hours/);
    expect(last.durationSeconds).toBeGreaterThan(2);
    expect(last.durationSeconds).toBeLessThan(10);
    expect(r.shots.every((s) => s.durationSeconds > 0)).toBe(true);
  });

  it("rejects 00:00:99,000 instead of reading it as 99 s, and reports cues it cannot read", () => {
    const srt = "1\n00:00:01,000 --> 00:00:99,000\nBad seconds.\n\n2\n00:00:02,000 --> 00:00:04,000\nGood.\n\n3\n00:00:05,000 -> 00:00:06,000\nA broken arrow.\n\n4\nNo timing at all.\n";
    const doc = parseScript(srt);
    expect(segs(srt).map((s) => s.text)).toEqual(["Good."]);
    const w = doc.warnings.join(" ");
    expect(w).toMatch(/1 cue\(s\) have a timing that cannot be read \(line 2\)/);
    expect(w).toMatch(/2 block\(s\) of text have no timing line \(line 9, line 13\)/);
  });
});

describe("SDH speaker tags", () => {
  it("are stripped like NAME: and become the speaker", () => {
    const srt = "1\n00:00:01,000 --> 00:00:03,000\n- [Braxton] Get down!\n- [MARA] Now!\n\n2\n00:00:04,000 --> 00:00:06,000\n(JOHN SMITH): The road is out.\n\n3\n00:00:07,000 --> 00:00:09,000\n[door slams]\n";
    const s = segs(srt);
    expect(s.map((x) => [x.speaker, x.text])).toEqual([
      ["Braxton", "Get down!\nNow!"],
      ["JOHN SMITH", "The road is out."],
      [undefined, "[door slams]"],
    ]);
    const r = breakdownText(srt, opts);
    expect(r.shots.map((x) => x.prompt).join(" ")).not.toMatch(/Braxton|MARA|JOHN SMITH|^- /);
  });
});
