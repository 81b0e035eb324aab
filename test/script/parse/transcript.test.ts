import {
  parseMarkerComments, parseSrt, parseTranscript, parseTranscriptJson, parseVtt,
} from "../../../src/script/parse/transcript";
import { PREMIERE_JSON, SRT, VTT } from "./fixtures";

describe("SRT", () => {
  it("parses cues, strips tags, joins lines and finds capitalised speakers", () => {
    const doc = parseSrt(SRT);
    expect(doc.kind).toBe("transcript");
    expect(doc.elements).toEqual([
      { type: "transcript_segment", line: 2, text: "Welcome back to the harbour.", startSeconds: 1, endSeconds: 4 },
      { type: "transcript_segment", line: 6, text: "The fog lifts by nine.\nThen the boats go out.", startSeconds: 4.5, endSeconds: 7.25 },
      { type: "transcript_segment", line: 11, text: "Nadia? Is that you?", startSeconds: 62.003, endSeconds: 65, speaker: "SAM" },
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it("copes with CRLF, missing blank lines between cues and backwards times", () => {
    const doc = parseSrt("1\r\n00:00:01,000 --> 00:00:02,000\r\nOne\r\n2\r\n00:00:05,000 --> 00:00:03,000\r\nTwo\r\n");
    expect(doc.elements.map((e) => (e.type === "transcript_segment" ? [e.text, e.startSeconds, e.endSeconds] : []))).toEqual([
      ["One", 1, 2],
      ["Two", 5, 5],
    ]);
    expect(doc.warnings.join(" ")).toMatch(/end before they start/);
  });
});

describe("WebVTT", () => {
  it("skips header, NOTE and STYLE blocks, reads short timestamps, settings and voices", () => {
    const doc = parseVtt(VTT);
    expect(doc.elements).toEqual([
      { type: "transcript_segment", line: 11, text: "I swore I'd never come back.", startSeconds: 1, endSeconds: 4, speaker: "Nadia" },
      { type: "transcript_segment", line: 14, text: "Nadia? Is that & you?", startSeconds: 4.5, endSeconds: 7.25, speaker: "Sam Harris" },
      { type: "transcript_segment", line: 17, text: "Gulls cry overhead.", startSeconds: 8, endSeconds: 9.5 },
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it("warns when the header is missing", () => {
    expect(parseVtt("00:01.000 --> 00:02.000\nHi").warnings.join(" ")).toMatch(/WEBVTT/);
  });
});

describe("transcript JSON", () => {
  it("parses Premiere transcript JSON with words, punctuation and speaker names", () => {
    const doc = parseTranscriptJson(PREMIERE_JSON);
    expect(doc?.elements).toEqual([
      { type: "transcript_segment", line: 1, text: "Hello, harbour.", startSeconds: 1.2, endSeconds: 4.6, speaker: "Speaker 1" },
      { type: "transcript_segment", line: 2, text: "Bye", startSeconds: 5, endSeconds: 7, speaker: "unknown-speaker" },
    ]);
  });

  it("parses a simple segment array and skips bad segments with a warning", () => {
    const doc = parseTranscriptJson(JSON.stringify([
      { start: 0, end: 1.5, text: "Hi there", speaker: "Nadia" },
      { start: 2.0004, end: 3.0006, text: "مرحبا 👋" },
      { start: "oops", end: 4, text: "bad" },
      { start: 5, text: "no end" },
    ]));
    expect(doc?.elements).toEqual([
      { type: "transcript_segment", line: 1, text: "Hi there", startSeconds: 0, endSeconds: 1.5, speaker: "Nadia" },
      { type: "transcript_segment", line: 2, text: "مرحبا 👋", startSeconds: 2, endSeconds: 3.001 },
    ]);
    expect(doc?.warnings.join(" ")).toMatch(/2 transcript segment/);
  });

  it("returns null for non-JSON or unrelated JSON", () => {
    expect(parseTranscriptJson("not json")).toBeNull();
    expect(parseTranscriptJson('{"hello": 1}')).toBeNull();
  });

  it("parseTranscript dispatches by format", () => {
    expect(parseTranscript(PREMIERE_JSON).elements).toHaveLength(2);
    expect(parseTranscript(VTT).elements).toHaveLength(3);
    expect(parseTranscript(SRT).elements).toHaveLength(3);
  });
});

describe("parseMarkerComments", () => {
  it("turns marker comments into time-ordered segments and drops empty ones", () => {
    const segs = parseMarkerComments([
      { comment: "Cutaway: gulls", startSeconds: 12.5, durationSeconds: 2 },
      { comment: "   ", startSeconds: 1, durationSeconds: 1 },
      { comment: "Open on harbour\r\nwide", startSeconds: 0, durationSeconds: 4.0004 },
      { comment: "bad", startSeconds: Number.NaN, durationSeconds: 1 },
      { comment: "point marker", startSeconds: 20, durationSeconds: 0 },
    ]);
    expect(segs).toEqual([
      { type: "transcript_segment", line: 3, text: "Open on harbour\nwide", startSeconds: 0, endSeconds: 4 },
      { type: "transcript_segment", line: 1, text: "Cutaway: gulls", startSeconds: 12.5, endSeconds: 14.5 },
      { type: "transcript_segment", line: 5, text: "point marker", startSeconds: 20, endSeconds: 20 },
    ]);
  });
});
