/**
 * Reads of the host that can overlap (a host event, the poll, a run's own read): each answers its
 * caller, but only the newest one started is shown, so an older read finishing late never puts an
 * older timeline back on screen.
 */
export class LatestReads<T> {
  private started = 0;
  private shown = 0;

  async read(get: () => Promise<T>, show: (value: T) => Promise<void>, fail: (error: unknown) => void): Promise<T | null> {
    const mine = ++this.started;
    try {
      const value = await get();
      if (mine < this.shown) return value;
      this.shown = mine;
      await show(value);
      return value;
    } catch (e) {
      if (mine < this.shown) return null;
      this.shown = mine;
      fail(e);
      return null;
    }
  }
}
