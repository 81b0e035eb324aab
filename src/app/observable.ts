/**
 * One observable value for the panel: subscribers get the whole (immutable) state after each change,
 * batched to one notification per microtask so a burst of job events renders once.
 */
export class Observable<T> {
  private listeners = new Set<(value: T) => void>();
  private scheduled = false;

  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  update(fn: (value: T) => T): void {
    this.value = fn(this.value);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      for (const l of [...this.listeners]) l(this.value);
    });
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
