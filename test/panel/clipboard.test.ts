/** Copy prompt (issue 14 item 10): UXP's clipboard in Premiere, the standard one in the browser, false when refused. */
import { copyText } from "../../src/panel/clipboard";

describe("copyText", () => {
  it("uses UXP's setContent with text/plain when it is there", async () => {
    const calls: unknown[] = [];
    const nav = { clipboard: { setContent: async (d: unknown) => void calls.push(d), writeText: async () => void calls.push("wrong") } };
    expect(await copyText("harbour at dawn", nav)).toBe(true);
    expect(calls).toEqual([{ "text/plain": "harbour at dawn" }]);
  });

  it("falls back to the browser's writeText", async () => {
    const calls: string[] = [];
    expect(await copyText("x", { clipboard: { writeText: async (t: string) => void calls.push(t) } })).toBe(true);
    expect(calls).toEqual(["x"]);
  });

  it("answers false when the host refuses or has no clipboard, instead of failing silently", async () => {
    expect(await copyText("x", { clipboard: { setContent: async () => Promise.reject(new Error("permission")) } })).toBe(false);
    expect(await copyText("x", {})).toBe(false);
  });
});
