/** Turns anything thrown at the app boundary into a sentence for the editor, never a stack trace. */
import { CutawayError } from "../core/errors";
import type { Notice } from "./api";

let counter = 0;

export function notice(level: Notice["level"], message: string): Notice {
  counter += 1;
  return { id: `n${Date.now().toString(36)}-${counter}`, level, message };
}

export function messageOf(error: unknown): string {
  if (error instanceof CutawayError) return error.message;
  if (error instanceof Error && error.message) {
    return `Something went wrong: ${error.message}. Your sequence was not changed.`;
  }
  return "Something went wrong. Your sequence was not changed.";
}

/** Raised when the estimate needs the editor's OK before anything is submitted. */
export class ConfirmationRequired extends CutawayError {
  constructor(message: string) {
    super("confirm_required", message);
    this.name = "ConfirmationRequired";
  }
}

export class BudgetExceeded extends CutawayError {
  constructor(message: string) {
    super("over_budget", message);
    this.name = "BudgetExceeded";
  }
}

export class NothingToDo extends CutawayError {
  constructor(message: string) {
    super("nothing_to_do", message);
    this.name = "NothingToDo";
  }
}

/** A paid shot would go out with no prompt: the editor is asked for one first. */
export class PromptNeeded extends CutawayError {
  constructor(message: string) {
    super("prompt_needed", message);
    this.name = "PromptNeeded";
  }
}
