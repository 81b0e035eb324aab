/**
 * Settings as one JSON file in the plugin's data folder, written atomically. Keys never pass through
 * here (they live in the SecretStore); the app validates what comes back with zod.
 */
import type { FileStore, SettingsStore } from "../../app/ports";

export class FileSettingsStore implements SettingsStore {
  constructor(
    private readonly files: FileStore,
    private readonly fileName = "settings.json",
  ) {}

  private async path(): Promise<string> {
    return this.files.join(await this.files.dataFolder(), this.fileName);
  }

  async load(): Promise<unknown> {
    const p = await this.path();
    if (!(await this.files.exists(p))) return {};
    try {
      return JSON.parse(await this.files.readText(p)) as unknown;
    } catch {
      // a damaged file means defaults, not a panel that will not open
      return {};
    }
  }

  async save(settings: unknown): Promise<void> {
    await this.files.writeAtomic(await this.path(), JSON.stringify(settings, null, 2));
  }
}
