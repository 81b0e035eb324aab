/**
 * A panel closed and reopened must not leave two apps on one job journal: the new app starts only
 * once the old one's dispose (which lets creates on the wire finish and journals them) is done.
 */
export interface Lifecycle {
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export class OneAppAtATime<A extends Lifecycle> {
  private current: A | null = null;
  private disposing: Promise<void> = Promise.resolve();

  get app(): A | null {
    return this.current;
  }

  /** Makes the app now (the panel renders it at once); starts it after the previous one is gone. */
  open(make: () => A): { app: A; started: Promise<void> } {
    const app = make();
    this.current = app;
    const started = this.disposing.then(() => app.start()).catch(() => undefined);
    return { app, started };
  }

  close(): Promise<void> {
    const app = this.current;
    this.current = null;
    if (app) {
      const before = this.disposing;
      this.disposing = before.then(() => app.dispose()).catch(() => undefined);
    }
    return this.disposing;
  }
}
