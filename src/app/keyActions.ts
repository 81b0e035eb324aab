/**
 * Provider keys from Settings: a key the provider refuses is never saved, one that cannot be checked
 * now is saved with a warning, and a key only ever goes to secure storage (never settings or logs).
 */
import { CutawayError } from "../core/errors";
import type { KeyChecks } from "./keyChecks";
import type { SecretStore } from "./ports";
import { apiKeyName } from "./settings";
import type { SettingsNotices } from "./settingsNotices";

export interface KeyActionsContext {
  readonly secrets: SecretStore;
  /** the keys in memory for this session, by provider */
  readonly keys: Map<string, string>;
  /** backends built with the old key are dropped */
  readonly clients: { forget(provider: string): void };
  readonly checks: Pick<KeyChecks<{ readonly apiKey: string | null }>, "check">;
  readonly notices: SettingsNotices;
  readonly say: (level: "warning", message: string) => void;
  readonly providersChanged: () => void;
}

export async function setApiKey(ctx: KeyActionsContext, provider: string, key: string | null): Promise<void> {
  const value = key?.trim() ?? "";
  if (value) {
    const check = await ctx.checks.check(provider, value);
    if (check.refused) throw new CutawayError("bad_key", `${check.message} The key was not saved.`);
    await ctx.secrets.set(apiKeyName(provider), value);
    ctx.keys.set(provider, value);
    ctx.notices.clear();
    if (!check.ok) {
      ctx.say("warning", `Saved, but not checked: ${check.message}`);
      ctx.notices.markLatest();
    }
  } else {
    await ctx.secrets.remove(apiKeyName(provider));
    ctx.keys.delete(provider);
    ctx.notices.clear();
  }
  ctx.clients.forget(provider);
  ctx.providersChanged();
}

export async function testConnection(ctx: KeyActionsContext, provider: string): Promise<{ ok: boolean; message: string }> {
  const r = await ctx.checks.check(provider, ctx.keys.get(provider) ?? null);
  if (r.ok) ctx.notices.clear();
  return { ok: r.ok, message: r.message };
}
