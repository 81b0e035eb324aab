/**
 * In Premiere the panel is drawn with Spectrum's built-in `sp-*` widgets only: a raw <button>, <select>
 * or <input> would look foreign in Premiere's UI. Renders the panel's sections as the UXP entry does
 * (SpectrumContext on) and reads the markup Premiere would get.
 */
import React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { App } from "../../src/panel/App";
import { GeneratePanel, type Choice } from "../../src/panel/sections/GeneratePanel";
import { JobsList } from "../../src/panel/sections/JobsList";
import { SettingsPanel } from "../../src/panel/sections/SettingsPanel";
import { BibleSection } from "../../src/panel/sections/BibleSection";
import { SpectrumContext } from "../../src/panel/widgets/widgets";
import { appRig } from "../app/appRig";

const inPremiere = (node: React.ReactElement): string => renderToStaticMarkup(<SpectrumContext.Provider value={true}>{node}</SpectrumContext.Provider>);
const RAW = /<(button|select|input|textarea|option)[\s>]/;

describe("the panel in Premiere", () => {
  it("uses Spectrum widgets for every control: tabs and scope chips are action buttons, the rest buttons, pickers, fields, checkboxes", async () => {
    const rig = await appRig(demoSequence());
    const fill = inPremiere(<App api={rig.app} />);
    expect(fill).not.toMatch(RAW);
    expect(fill).toMatch(/<sp-action-button[^>]*class="cw-action cw-selected cw-quiet cw-tab"[^>]*selected="true"[^>]*data-testid="tab-fill"/);
    expect(fill).toMatch(/<sp-action-button[^>]*data-testid="scope-all-gaps"/);
    for (const tag of ["sp-textfield", "sp-picker", "sp-checkbox", "sp-button"]) expect(fill).toContain(`<${tag}`);
    // the cost line is a sentence: small body text, not Spectrum's all-capitals Detail
    expect(fill).toMatch(/<sp-body size="XS"[^>]*data-testid="estimate"/);
    const settings = inPremiere(<SettingsPanel api={rig.app} state={rig.app.getState()} />);
    expect(settings).not.toMatch(RAW);
    expect(settings).toContain("<sp-textfield");
    expect(inPremiere(<JobsList api={rig.app} state={rig.app.getState()} />)).not.toMatch(RAW);
    await rig.app.dispose();
  });

  it("offers one draft button with the slate backend, and Generate beside it with a paid one", async () => {
    const rig = await appRig(demoSequence());
    const choice = (backend: string): Choice => ({ backend, model: "m", takes: 1, style: "none", continuity: false });
    const slate = inPremiere(<GeneratePanel api={rig.app} state={rig.app.getState()} choice={choice("slate")} onChoice={() => undefined} />);
    expect(slate).not.toContain('data-testid="generate"');
    expect(slate).toMatch(/<sp-button variant="cta"[^>]*data-testid="draft"/);
    const paid = inPremiere(<GeneratePanel api={rig.app} state={rig.app.getState()} choice={choice("fake")} onChoice={() => undefined} />);
    expect(paid).toMatch(/<sp-button variant="cta"[^>]*data-testid="generate"/);
    expect(paid).toMatch(/<sp-button variant="secondary"[^>]*data-testid="draft"/);
    await rig.app.dispose();
  });
});

describe("the Bible tab", () => {
  it("shows each entry with its description, references and actions, in Spectrum widgets only", async () => {
    const rig = await appRig(demoSequence());
    const e = await rig.app.bible.addEntry({ kind: "character", name: "Mara", description: "sixty, red wool scarf" });
    await rig.app.bible.addReferenceFromPlayhead(e.id).catch(() => undefined);
    const html = inPremiere(<BibleSection bible={rig.app.bible} />);
    expect(html).not.toMatch(RAW);
    expect(html).toContain('data-testid="bible-entry-character:mara"');
    expect(html).toMatch(/<sp-textfield value="sixty, red wool scarf"[^>]*data-testid="bible-description-character:mara"/);
    expect(html).toContain('data-testid="bible-frame-character:mara"');
    expect(inPremiere(<App api={rig.app} />)).toContain('data-testid="tab-bible"');
    await rig.app.dispose();
  });
});
