/**
 * The UXP entry: the only place (with src/host/premiere) that names the host modules.
 * entrypoints.setup must run synchronously at load (a late call throws uncatchably in UXP).
 */
import React from "react";
import { createRoot, type Root } from "react-dom/client";

declare const require: (id: string) => unknown;

interface UxpEntrypoints {
  setup(config: { panels: Record<string, { create?(root: HTMLElement): void; show?(root: HTMLElement): void; destroy?(): void }> }): void;
}

const PANEL_ID = "cutaway.panel";
let root: Root | null = null;

function mount(node: HTMLElement): void {
  if (root) return;
  const host = document.getElementById("root") ?? node;
  root = createRoot(host);
  root.render(<div style={{ padding: 12 }}>Cutaway</div>);
}

const uxp = require("uxp") as { entrypoints: UxpEntrypoints };
uxp.entrypoints.setup({
  panels: {
    [PANEL_ID]: {
      create: mount,
      show: mount,
      destroy: () => {
        root?.unmount();
        root = null;
      },
    },
  },
});
