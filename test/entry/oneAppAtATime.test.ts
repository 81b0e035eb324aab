/** Panel close/reopen: the new app starts only after the old one finished disposing. */
import { OneAppAtATime } from "../../src/entry/oneAppAtATime";

test("a reopened panel's app starts after the old app's dispose resolves, never beside it", async () => {
  const log: string[] = [];
  let finishDispose!: () => void;
  const owner = new OneAppAtATime();
  owner.open(() => ({ start: async () => void log.push("old start"), dispose: () => new Promise<void>((r) => (finishDispose = () => (log.push("old disposed"), r()))) }));
  await Promise.resolve();
  void owner.close();
  const { started } = owner.open(() => ({ start: async () => void log.push("new start"), dispose: async () => undefined }));
  await new Promise((r) => setTimeout(r, 20));
  expect(log).toEqual(["old start"]);
  finishDispose();
  await started;
  expect(log).toEqual(["old start", "old disposed", "new start"]);
});
