/**
 * The fake provider for `npm start`: fal.ai's queue on loopback, so the workbench can run cloud
 * jobs (queue position, rendering, download, cancel) with no key and no network. Jobs take a few
 * seconds, like a fast model.
 */
import { FalMode } from "../test/fake/falMode";
import { FakeServer } from "../test/fake/server";
import { fakeMp4 } from "../test/support/media";

export async function startFakeProvider(latencyMs = 4000): Promise<FakeServer> {
  const mode = new FalMode(fakeMp4(256 * 1024, 5));
  mode.latencyMs = latencyMs;
  return new FakeServer([mode]).start();
}
