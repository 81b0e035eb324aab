/** Settings' own errors go once the thing they were about is fixed: no stale "unreachable" under a working key. */
import type { Notice } from "./api";

export class SettingsNotices {
  private readonly ids = new Set<string>();

  constructor(private readonly notices: { get(): readonly Notice[]; drop(ids: ReadonlySet<string>): void }) {}

  /** the notice just said belongs to Settings */
  markLatest(): void {
    this.ids.add(this.notices.get().at(-1)?.id ?? "");
  }

  clear(): void {
    if (!this.ids.size) return;
    this.notices.drop(this.ids);
    this.ids.clear();
  }
}
