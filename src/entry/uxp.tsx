/**
 * The UXP entry: with src/host/premiere, the only place that names the host modules. It hands the
 * real `premierepro`, `uxp` and `fs` modules to the adapters and mounts the panel.
 * entrypoints.setup must run synchronously at load (a late call throws uncatchably in UXP).
 */
import React from "react";
import { createRoot, type Root } from "react-dom/client";
import type { premierepro } from "@adobe/premierepro";
import { createCutaway, type Cutaway } from "../app/cutaway";
import { UxpImagePicker } from "../host/premiere/uxp/uxpImagePicker";
import { createScriptService } from "../app/scriptService";
import { createBackendCatalog } from "../backends/catalog";
import { FileSettingsStore } from "../host/common/fileSettingsStore";
import { systemClock } from "../host/memory/systemClock";
import { PremiereEditorHost } from "../host/premiere/premiereEditorHost";
import type { UxpFs, UxpModule } from "../host/premiere/uxp/uxpApi";
import { SecureSecretStore } from "../host/premiere/uxp/secureSecretStore";
import { UxpFileStore } from "../host/premiere/uxp/uxpFileStore";
import { App, ErrorBoundary } from "../panel/App";
import { SpectrumContext } from "../panel/widgets/widgets";
import { OneAppAtATime } from "./oneAppAtATime";
import { installTextCodecs } from "./textCodecPolyfill";

declare const require: (id: string) => unknown;

interface UxpEntrypoints {
  setup(config: { panels: Record<string, { create?(root: HTMLElement): void; show?(root: HTMLElement): void; destroy?(): void }> }): void;
}

const PANEL_ID = "cutaway.panel";
// the official module type is checked against the adapter's projection here, at compile time
const ppro: premierepro = require("premierepro") as premierepro;
const uxp = require("uxp") as UxpModule & { entrypoints: UxpEntrypoints };
const fs = require("fs") as UxpFs;

installTextCodecs();
// UXP's fetch, bound: some hosts reject an unbound call
const uxpFetch: typeof fetch = (input, init) => fetch(input, init);

const apps = new OneAppAtATime<Cutaway>();
let root: Root | null = null;

function mount(node: HTMLElement): void {
  if (root) return;
  const files = new UxpFileStore(fs, uxp);
  const { app } = apps.open(() =>
    createCutaway({
      host: new PremiereEditorHost(ppro, { files }),
      files,
      secrets: new SecureSecretStore(uxp.storage.secureStorage),
      settings: new FileSettingsStore(files),
      clock: systemClock,
      backends: createBackendCatalog({ fetch: uxpFetch, clock: systemClock, files }),
      script: createScriptService(uxpFetch),
      // SELECTION_CHANGED has been seen not to fire: read the timeline again while the panel is visible
      hostPoll: { everyMs: 2000, visible: () => document.visibilityState !== "hidden" },
      imagePicker: new UxpImagePicker(uxp),
    }),
  );
  root = createRoot(document.getElementById("root") ?? node);
  root.render(
    <SpectrumContext.Provider value={true}>
      <ErrorBoundary>
        <App api={app} />
      </ErrorBoundary>
    </SpectrumContext.Provider>,
  );
}

uxp.entrypoints.setup({
  panels: {
    [PANEL_ID]: {
      create: mount,
      show: mount,
      destroy: () => {
        root?.unmount();
        root = null;
        void apps.close();
      },
    },
  },
});
