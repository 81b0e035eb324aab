/**
 * The fake provider for `npm start`: fal.ai's queue on loopback, so the workbench can run cloud
 * jobs (queue position, rendering, download, cancel) with no key and no network. Jobs take a few
 * seconds, like a fast model. `validKeys` makes the key check as strict as fal's.
 */
import { FalMode } from "../test/fake/falMode";
import { FalPlatformMode } from "../test/fake/falPlatformMode";
import { FakeServer } from "../test/fake/server";
import { fakeMp4 } from "../test/support/media";

export async function startFakeProvider(latencyMs = 4000, validKeys: ReadonlySet<string> = new Set(["workbench-fake-key"])): Promise<FakeServer> {
  const mode = new FalMode(fakeMp4(256 * 1024, 5));
  mode.latencyMs = latencyMs;
  // the fal key test (Settings › Test) asks the Platform API, which takes the workbench's key
  return new FakeServer([mode, new FalPlatformMode(validKeys)]).start();
}
