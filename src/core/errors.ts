/**
 * Every error Cutaway raises on purpose is a CutawayError: it carries a machine-readable `code`
 * for callers to branch on and a `message` written for the editor, not for the developer.
 */
export class CutawayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CutawayError";
  }
}

/** Bad input to a pure core function: a duration, a range, a rate or a snapshot that cannot be right. */
export class InvalidInputError extends CutawayError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = "InvalidInputError";
  }
}
