/** The storyboard review as a pure document, and which clips on a sequence are its stills. */
import { EMPTY_STORYBOARD, frameOf, reviewOf, setApproved, setPrompt, storyboardSchema, storyboardStills, type Storyboard } from "../../src/core/storyboard";
import { snapshotBuilder } from "../../src/core/timeline/builder";
import type { Provenance } from "../../src/core/timeline";

const AT = "2026-12-02T10:00:00.000Z";
const LATER = "2026-12-02T11:00:00.000Z";

const made = (over: Partial<Provenance> = {}): Provenance => ({ prompt: "Mara wipes the counter", backend: "fal", model: "fal-ai/nano-banana-2", jobId: "r1-script-s1-t1", createdAt: AT, slate: true, shotId: "script-s1", take: 1, ...over });

describe("the review document", () => {
  test("approving and unapproving a frame is remembered by its file, whatever the case of its path", () => {
    let sb = setApproved(EMPTY_STORYBOARD, [{ mediaPath: "/p/Media/still-1.png", shotId: "script-s1", shotNumber: 1 }], true, AT);
    expect(reviewOf(sb).approved("/p/media/STILL-1.png")).toBe(true);
    expect(reviewOf(sb).approved("/p/Media/still-2.png")).toBe(false);
    expect(frameOf(sb, "/p/Media/still-1.png")).toMatchObject({ shotNumber: 1, shotId: "script-s1", updatedAt: AT });
    sb = setApproved(sb, [{ mediaPath: "/p/Media/still-1.png" }], false, LATER);
    expect(reviewOf(sb).approved("/p/Media/still-1.png")).toBe(false);
    // nothing left to remember: the frame is not kept
    expect(sb.frames).toEqual([]);
  });

  test("a change that changes nothing is the same document (nothing is written)", () => {
    const sb = setApproved(EMPTY_STORYBOARD, [{ mediaPath: "/a.png" }], true, AT);
    expect(setApproved(sb, [{ mediaPath: "/a.png" }], true, LATER)).toBe(sb);
    expect(setApproved(EMPTY_STORYBOARD, [{ mediaPath: "/a.png" }], false, LATER)).toBe(EMPTY_STORYBOARD);
    expect(setPrompt(sb, { mediaPath: "/a.png" }, "Mara wipes the counter", "Mara wipes the counter", LATER)).toBe(sb);
  });

  test("an edited prompt is kept with when; empty or the original again goes back to the still's own", () => {
    let sb = setPrompt(EMPTY_STORYBOARD, { mediaPath: "/a.png" }, "  Mara at the counter, low angle  ", "Mara wipes the counter", AT);
    expect(reviewOf(sb).prompt("/a.png")).toBe("Mara at the counter, low angle");
    expect(frameOf(sb, "/a.png")).toMatchObject({ approved: false, updatedAt: AT });
    sb = setApproved(sb, [{ mediaPath: "/a.png" }], true, LATER);
    expect(frameOf(sb, "/a.png")).toMatchObject({ approved: true, prompt: "Mara at the counter, low angle", updatedAt: LATER });
    sb = setPrompt(sb, { mediaPath: "/a.png" }, "Mara wipes the counter", "Mara wipes the counter", LATER);
    expect(reviewOf(sb).prompt("/a.png")).toBeUndefined();
    expect(reviewOf(sb).approved("/a.png")).toBe(true);
  });

  test("what is saved reads back through the schema; a newer version or a damaged frame does not", () => {
    const sb: Storyboard = setPrompt(setApproved(EMPTY_STORYBOARD, [{ mediaPath: "/a.png", shotNumber: 3 }], true, AT), { mediaPath: "/b.png" }, "x", "y", AT);
    expect(storyboardSchema.parse(JSON.parse(JSON.stringify(sb)))).toEqual(sb);
    expect(storyboardSchema.safeParse({ ...sb, version: 2 }).success).toBe(false);
    expect(storyboardSchema.safeParse({ ...sb, frames: [{ mediaPath: "/a.png" }] }).success).toBe(false);
  });
});

describe("the stills on a sequence", () => {
  test("Cutaway's enabled image-model stills in timeline order; slates, disabled stills, videos and the editor's own images are not frames", () => {
    const s = snapshotBuilder()
      .track([
        { at: 0, len: 48, name: "A-roll" },
        { at: 96, len: 48, name: "Cutaway 002 – Jonah", media: "/m/s2.png", kind: "still", provenance: made({ jobId: "j2", shotId: "script-s2" }) },
        { at: 200, len: 48, name: "logo", media: "/m/logo.png", kind: "still" },
      ])
      .track([
        { at: 0, len: 48, name: "Cutaway 001 – Mara", media: "/m/s1.png", kind: "still", provenance: made() },
        { at: 48, len: 48, name: "Cutaway 005 – slate", media: "/m/slate.png", kind: "still", provenance: made({ backend: "slate", model: "slate" }) },
        { at: 150, len: 48, name: "Cutaway 003 – old", media: "/m/s3.png", kind: "still", enabled: false, provenance: made({ jobId: "j3" }) },
        { at: 250, len: 48, name: "Cutaway 004 – video", media: "/m/s4.mp4", provenance: made({ jobId: "j4", slate: false }) },
      ])
      .build();
    const stills = storyboardStills(s, (p) => (p.jobId === "j2" ? 2 : undefined));
    expect(stills.map((x) => x.mediaPath)).toEqual(["/m/s1.png", "/m/s2.png"]);
    // the job's number first, else the number in the clip's name
    expect(stills.map((x) => x.shotNumber)).toEqual([1, 2]);
    expect(stills.map((x) => x.shotId)).toEqual(["script-s1", "script-s2"]);
  });

  test("a regenerated still stands for the shot of the still it replaced, through several regenerations", () => {
    const s = snapshotBuilder()
      .track([{ at: 0, len: 48, id: "old", name: "Cutaway 002 – Mara", media: "/m/s2.png", kind: "still", enabled: false, provenance: made({ shotId: "script-s2" }) }])
      .track([{ at: 0, len: 48, id: "mid", name: "Cutaway 007 – Mara again", media: "/m/s7.png", kind: "still", enabled: false, provenance: made({ shotId: "ph-old" }) }])
      .track([{ at: 0, len: 48, id: "new", name: "Cutaway 009 – Mara, low", media: "/m/s9.png", kind: "still", provenance: made({ shotId: "ph-mid" }) }])
      .build();
    const [only, ...rest] = storyboardStills(s);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ mediaPath: "/m/s9.png", shotNumber: 2, shotId: "script-s2" });
  });
});
