/**
 * API keys in UXP secure storage: encrypted per plugin and per OS user, the only place keys live.
 * Adobe warns it can lose data, so a missing or unreadable key answers null ("ask the editor again").
 */
import type { SecretStore } from "../../../app/ports";
import { utf8Decode } from "../../../core/bytes/utf8";
import type { UxpSecureStorage } from "./uxpApi";

export class SecureSecretStore implements SecretStore {
  constructor(private readonly storage: UxpSecureStorage) {}

  async get(key: string): Promise<string | null> {
    try {
      const v = await this.storage.getItem(key);
      if (!v || v.byteLength === 0) return null;
      return utf8Decode(v);
    } catch {
      return null;
    }
  }

  async set(key: string, value: string): Promise<void> {
    await this.storage.setItem(key, value);
  }

  async remove(key: string): Promise<void> {
    await this.storage.removeItem(key).catch(() => undefined);
  }
}
