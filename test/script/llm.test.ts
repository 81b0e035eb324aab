/** The LLM breakdown and idea → script through the openai SDK, against the fake Responses endpoint. */
import { breakdownText } from "../../src/script/breakdown";
import { llmAccess } from "../../src/llm/openaiResponses";
import { breakdownScript, ideaToScript, type LlmAccess } from "../../src/script/service";
import { FakeServer } from "../fake/server";
import { ResponsesMode } from "../fake/responsesMode";

const KEY = "fake-llm-key-9d8c7b6a5f4e3d2c";
const TEXT = "EXT. HARBOUR - DAWN\n\nFog rolls off the water. MARA (60s, weathered) walks the pier.\n";
const opts = { style: "documentary handheld", maxPromptChars: 500 };

let server: FakeServer;
let mode: ResponsesMode;
let llm: LlmAccess;

beforeEach(async () => {
  mode = new ResponsesMode();
  server = await new FakeServer([mode]).start();
  llm = llmAccess({ apiKey: KEY, model: "gpt-test", baseURL: `${server.baseUrl}/v1`, fetch });
});
afterEach(() => server.stop());

const shot = (over: Record<string, unknown> = {}) => ({
  description: "Fog rolls off the harbour as Mara walks the pier",
  location: "Harbour",
  timeOfDay: "dawn",
  interior: false,
  characters: ["Mara"],
  dialogue: null,
  durationSeconds: 5,
  prompt: 'Wide shot, fog over a harbour at dawn, an old woman in oilskins walks a wooden pier past a sign reading "NO FISHING"',
  negativePrompt: null,
  transcriptStartSeconds: null,
  transcriptEndSeconds: null,
  ...over,
});
const answer = (shots: unknown[]) => ({ kind: "json" as const, value: { title: "The Harbour", characters: [{ name: "Mara", description: "60s, weathered" }], shots } });

test("a valid structured answer becomes the shot list, sent with a strict json_schema format and Bearer auth", async () => {
  mode.reply = () => answer([shot(), shot({ description: "Gulls over the trawlers", characters: [], durationSeconds: 30 })]);
  const r = await breakdownScript(TEXT, { ...opts, useLlm: true, llm });
  expect(r.format).toBe("llm");
  expect(r.title).toBe("The Harbour");
  expect(r.notices).toEqual([]);
  expect(r.shots.map((s) => s.text)).toEqual(["Fog rolls off the harbour as Mara walks the pier", "Gulls over the trawlers"]);
  expect(r.shots[0]!.prompt).not.toContain("NO FISHING");
  expect(r.shots[0]!.prompt).toContain("handheld camera");
  expect(r.shots[1]!.durationSeconds).toBe(10);
  const body = mode.bodies[0]!;
  expect(body["model"]).toBe("gpt-test");
  expect(body["text"]).toMatchObject({ format: { type: "json_schema", name: "shot_list", strict: true, schema: { type: "object", required: expect.arrayContaining(["shots", "characters", "title"]) } } });
  expect(String(body["input"])).toContain("Fog rolls off the water");
  expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
});

test("transcript ranges from the answer are kept; impossible ones are ignored", async () => {
  mode.reply = () => answer([shot({ transcriptStartSeconds: 1.5, transcriptEndSeconds: 4 }), shot({ transcriptStartSeconds: 9, transcriptEndSeconds: 3 })]);
  const r = await breakdownScript("1\n00:00:01,500 --> 00:00:04,000\nWelcome back.\n", { ...opts, useLlm: true, llm });
  expect(r.shots[0]).toMatchObject({ range: { startSeconds: 1.5, endSeconds: 4 }, durationSeconds: 2.5, durationFrom: "transcript" });
  expect(r.shots[1]!.range).toBeUndefined();
});

test.each([
  ["a refusal", { kind: "refusal" as const, refusal: "I can't help with that." }, /declined to write this \(I can't help with that\.\)/],
  ["broken JSON", { kind: "text" as const, text: '{"title": "x", "shots": [' }, /not a valid shot list/],
  ["JSON in the wrong shape", { kind: "json" as const, value: { shots: [{ text: "no" }] } }, /not a valid shot list/],
  ["an answer cut short", { kind: "incomplete" as const, text: "{}" }, /cut short/],
  ["an empty shot list", { kind: "json" as const, value: { title: null, characters: [], shots: [] } }, /found no shots/],
])("%s falls back to the built-in breakdown with a notice", async (_name, reply, why) => {
  mode.reply = () => reply;
  const r = await breakdownScript(TEXT, { ...opts, useLlm: true, llm });
  expect(r.format).toBe("fountain");
  expect(r.shots).toEqual(breakdownText(TEXT, opts).shots);
  expect(r.notices[0]).toMatch(why);
  expect(r.notices[0]).toMatch(/built-in breakdown instead/);
});

test("no key: the built-in breakdown with a notice, and nothing is sent", async () => {
  const r = await breakdownScript(TEXT, { ...opts, useLlm: true, llm: null });
  expect(r.shots.length).toBe(2);
  expect(r.notices[0]).toMatch(/Add an OpenAI key in Settings/);
  expect(server.count("llm.responses")).toBe(0);
});

test("a rejected key says so in the editor's words and never echoes the key", async () => {
  server.inject({ endpoint: "llm.responses", fault: { kind: "status", status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}`, type: "invalid_request_error", code: "invalid_api_key" } } } });
  const r = await breakdownScript(TEXT, { ...opts, useLlm: true, llm });
  expect(r.notices[0]).toBe("Your OpenAI key was rejected — check it in Settings. Used Cutaway's built-in breakdown instead.");
  expect(JSON.stringify(r)).not.toContain(KEY);
});

test("an idea becomes a Fountain script by the LLM, then shots through the same path as any script", async () => {
  const fountain = "Title: Last Light\n\nINT. LIGHTHOUSE - NIGHT\n\nELENA (70s, silver braid) polishes the lens.\n\nEXT. CLIFF - DAWN\n\nThe beam goes dark.\n";
  mode.reply = () => ({ kind: "json", value: { title: "Last Light", fountain } });
  const r = await ideaToScript("a lighthouse keeper's last night", { ...opts, llm });
  expect(r.script).toBe(fountain);
  expect(r.title).toBe("Last Light");
  expect(r.shots.map((s) => s.source)).toEqual(["establishing", "action", "establishing", "action"]);
  expect(r.shots[1]!.prompt).toContain("Elena (70s, silver braid)");
  expect(mode.bodies[0]!["text"]).toMatchObject({ format: { name: "fountain_script", strict: true } });
});

test("an idea with no key becomes an outline to edit, with a notice", async () => {
  const r = await ideaToScript("a lighthouse keeper's last night", { ...opts, llm: null });
  expect(r.script).toMatch(/^Title: a lighthouse keeper's last night/);
  expect(r.shots.length).toBeGreaterThanOrEqual(3);
  expect(r.notices[0]).toMatch(/Add an OpenAI key.*outline to edit/);
  const empty = await ideaToScript("   ", { ...opts, llm });
  expect(empty.shots).toEqual([]);
  expect(empty.notices[0]).toMatch(/Type an idea first/);
});

describe("the LLM and the built-in breakdown agree", () => {
  const SPEECH = Array.from({ length: 30 }, (_, i) => `wave${i}`).join(" ") + ".";
  const SCRIPT = `EXT. HARBOUR - DAWN\n\nMARA (60s, weathered) walks the pier. SAM (50s) mends a net.\n\nMARA\n${SPEECH}\n\nSAM\nAye.\n`;
  const reply = () =>
    answer([
      shot({ description: "Mara walks the pier past Sam", characters: ["MARA", "Sam"] }),
      shot({ description: "Mara talks to Sam", characters: ["Mara"], dialogue: SPEECH, durationSeconds: 4, prompt: "An old woman talks on a pier" }),
      shot({ description: "Sam answers", characters: ["Sam"], dialogue: "Aye.", durationSeconds: 6, prompt: "A fisherman nods" }),
    ]);

  test("both take the same cast bible: it is sent to the LLM, and every prompt describes people from it", async () => {
    mode.reply = reply;
    const built = breakdownText(SCRIPT, opts);
    const r = await breakdownScript(SCRIPT, { ...opts, useLlm: true, llm });
    expect(r.format).toBe("llm");
    expect(String(mode.bodies[0]!["input"])).toContain("- Mara: 60s, weathered\n- Sam: 50s");
    expect(r.cast).toEqual(built.cast);
    for (const s of r.shots.filter((x) => x.characters.includes("Mara"))) expect(s.prompt).toContain("Mara (60s, weathered)");
    for (const s of built.shots.filter((x) => x.characters.includes("Mara"))) expect(s.prompt).toContain("Mara (60s, weathered)");
  });

  test("the editor's override reaches the LLM and both paths' prompts", async () => {
    mode.reply = reply;
    const castOverrides = { MARA: "70s, yellow oilskins" };
    const built = breakdownText(SCRIPT, { ...opts, castOverrides });
    const r = await breakdownScript(SCRIPT, { ...opts, useLlm: true, llm, castOverrides });
    expect(String(mode.bodies[0]!["input"])).toContain("- Mara: 70s, yellow oilskins");
    for (const list of [r.shots, built.shots]) {
      const withMara = list.filter((x) => x.characters.includes("Mara"));
      expect(withMara.length).toBeGreaterThan(0);
      for (const s of withMara) expect(s.prompt).toContain("Mara (70s, yellow oilskins)");
      expect(list.map((s) => s.prompt).join(" ")).not.toContain("weathered");
    }
  });

  test("the same dialogue gets the same durations, split the same way when long", async () => {
    mode.reply = reply;
    const built = breakdownText(SCRIPT, opts);
    const r = await breakdownScript(SCRIPT, { ...opts, useLlm: true, llm });
    const builtSpeech = built.shots.filter((s) => s.source === "coverage").map((s) => s.durationSeconds);
    const llmSpeech = r.shots.filter((s) => s.durationFrom === "words").map((s) => s.durationSeconds);
    expect(builtSpeech).toEqual([6, 6, 2]);
    expect(llmSpeech).toEqual(builtSpeech);
    // the pieces of one speech are different pictures
    const pieces = r.shots.filter((s) => s.text === "Mara talks to Sam").map((s) => s.prompt);
    expect(new Set(pieces).size).toBe(pieces.length);
  });
});

test("the LLM reads repaired text, and no U+FFFD from its answer reaches a prompt", async () => {
  mode.reply = () => answer([shot({ prompt: "A caf\uFFFD terrace at dawn, fog over the harbour" })]);
  const misread = TEXT.replace("weathered", "weathered, in a cafÃ© apron");
  const r = await breakdownScript(misread, { ...opts, useLlm: true, llm });
  expect(String(mode.bodies[0]!["input"])).toContain("in a café apron");
  expect(r.shots[0]!.prompt).toContain("A caf terrace at dawn");
  expect(r.shots.map((s) => s.prompt).join(" ")).not.toContain("\uFFFD");
  expect(r.notices.join(" ")).toMatch(/repaired/);
});
