/** The project's own long screenplay: every quality counter of issue 15 is 0. */
import { breakdownText } from "../../src/script/breakdown";
import { KEEPERS_DAUGHTER, KEEPERS_DAUGHTER_CAST, quality } from "./fixtures/quality";

test("a long screenplay with V.O., long speeches, SFX caps, abbreviations and forced headings breaks down cleanly", () => {
  const r = breakdownText(KEEPERS_DAUGHTER, { style: "cinematic 35mm", maxPromptChars: 1000 });
  expect(r.cast.map((c) => c.name).sort()).toEqual([...KEEPERS_DAUGHTER_CAST].sort());
  expect(quality(KEEPERS_DAUGHTER, r, KEEPERS_DAUGHTER_CAST)).toEqual({ vo_talking_heads: 0, junk_cast: 0, zero_length_shots: 0, subjectless_shots: 0, clamped_speech_seconds: 0 });
  expect(r.shots.map((s) => s.prompt).join("\n")).not.toMatch(/\uFFFD|!\.|Fade|Opening titles|Establishing wide shot of (Flashback|Binoculars|Back to)/i);
});
