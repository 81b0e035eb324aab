/**
 * Stills that arrive with their create: an OpenAI-style images call answers with the picture itself,
 * paid, and there is no provider job to ask for it again. Each is written to the plugin's data folder
 * under its job's idempotency key before the create returns, so a panel that dies before the engine
 * journals the answer finds it on reopen (findJob) instead of paying for it again.
 */
import { imageTypeOf } from "../core/bytes/imageType";
import type { FileStore } from "../platform/ports";
import type { MediaDownload } from "./types";

export const RECEIVED_STILLS_FOLDER = "Received stills";

/** what the engine's download verifies and Premiere imports as a still */
const EXTENSIONS = ["png", "jpg"] as const;
export type StillExtension = (typeof EXTENSIONS)[number];

const MIME: Record<StillExtension, string> = { png: "image/png", jpg: "image/jpeg" };

export class ReceivedStills {
  constructor(private readonly files: FileStore) {}

  /** Keeps the bytes under the key (atomically: a reader never sees half a still); the path it is kept at. */
  async keep(key: string, bytes: Uint8Array, ext: StillExtension): Promise<string> {
    const dir = await this.dir();
    await this.files.mkdirp(dir);
    const path = this.files.join(dir, `${safeKey(key)}.${ext}`);
    await this.files.writeAtomic(path, bytes);
    return path;
  }

  /** The still kept under this key, if one was. */
  async find(key: string): Promise<string | null> {
    const dir = await this.dir();
    for (const ext of EXTENSIONS) {
      const path = this.files.join(dir, `${safeKey(key)}.${ext}`);
      if (await this.files.exists(path)) return path;
    }
    return null;
  }

  exists(path: string): Promise<boolean> {
    return this.files.exists(path);
  }

  /** The kept still as a download the engine saves into the media folder like any other. */
  async read(path: string): Promise<MediaDownload> {
    const bytes = await this.files.read(path);
    const ext = (EXTENSIONS as readonly string[]).find((e) => path.endsWith(`.${e}`)) as StillExtension | undefined;
    return {
      chunks: (async function* () {
        yield bytes;
      })(),
      contentLength: bytes.byteLength,
      contentType: MIME[ext ?? "png"],
      extension: ext ?? "png",
    };
  }

  private async dir(): Promise<string> {
    return this.files.join(await this.files.dataFolder(), RECEIVED_STILLS_FOLDER);
  }
}

/** What the bytes are, by their signature (an answer's own format field may be missing or wrong); null: not a PNG or JPEG. */
export function stillExtensionOf(bytes: Uint8Array): StillExtension | null {
  return imageTypeOf(bytes)?.ext ?? null;
}

function safeKey(key: string): string {
  return key.replace(/[^\w-]/g, "_").slice(0, 120) || "still";
}
