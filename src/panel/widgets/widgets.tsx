/**
 * The panel's controls. In UXP they are Spectrum `sp-*` elements (native look, host theme); in the
 * browser workbench the same components render plain elements with `cw-*` classes that the workbench's
 * Spectrum stand-in sheet (src/workbench/spectrumStandIn.ts) dresses as Spectrum dark, so the UXP bundle
 * carries no browser stand-in. Spectrum elements fire DOM events React does not wire, hence ref
 * listeners; sections use only these components, never raw buttons or inputs.
 */
import React, { createContext, useContext, useEffect, useRef } from "react";

/** true inside Premiere (set by the UXP entry) */
export const SpectrumContext = createContext(false);

type Props = { children?: React.ReactNode; testId?: string; title?: string };

function useDomEvent(ref: React.RefObject<HTMLElement | null>, event: string, handler: ((e: Event) => void) | undefined): void {
  const h = useRef(handler);
  h.current = handler;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fn = (e: Event): void => h.current?.(e);
    el.addEventListener(event, fn);
    return () => el.removeEventListener(event, fn);
  }, [ref, event]);
}

const sp = (tag: string, props: Record<string, unknown>, children?: React.ReactNode): React.ReactElement => React.createElement(tag, props, children);

export function Button(p: Props & { onClick: () => void; variant?: "cta" | "primary" | "secondary" | "warning"; disabled?: boolean; quiet?: boolean }) {
  const spectrum = useContext(SpectrumContext);
  const ref = useRef<HTMLElement>(null);
  useDomEvent(ref, "click", spectrum ? () => !p.disabled && p.onClick() : undefined);
  if (spectrum) return sp("sp-button", { ref, variant: p.variant ?? "secondary", quiet: p.quiet ? true : undefined, disabled: p.disabled ? true : undefined, "data-testid": p.testId, title: p.title }, p.children);
  return (
    <button type="button" className={`cw-button cw-${p.variant ?? "secondary"}${p.quiet ? " cw-quiet" : ""}`} disabled={p.disabled} onClick={p.onClick} data-testid={p.testId} title={p.title}>
      {p.children}
    </button>
  );
}

/**
 * A toggle-like or secondary action (scope chips, tabs): `sp-action-button` in UXP. `selected` is
 * passed as an attribute too, and the class carries it for the panel sheet where the host ignores it.
 */
export function ActionButton(p: Props & { onClick: () => void; selected?: boolean; quiet?: boolean; disabled?: boolean; role?: "tab"; className?: string }) {
  const spectrum = useContext(SpectrumContext);
  const ref = useRef<HTMLElement>(null);
  useDomEvent(ref, "click", spectrum ? () => !p.disabled && p.onClick() : undefined);
  const cls = `cw-action${p.selected ? " cw-selected" : ""}${p.quiet ? " cw-quiet" : ""}${p.className ? ` ${p.className}` : ""}`;
  const aria = p.role === "tab" ? { role: "tab", "aria-selected": Boolean(p.selected) } : { "aria-pressed": p.selected === undefined ? undefined : Boolean(p.selected) };
  if (spectrum) {
    return sp("sp-action-button", { ref, class: cls, size: "s", quiet: p.quiet ? true : undefined, selected: p.selected ? true : undefined, disabled: p.disabled ? true : undefined, "data-testid": p.testId, title: p.title, ...aria }, p.children);
  }
  return (
    <button type="button" className={cls} disabled={p.disabled} onClick={p.onClick} data-testid={p.testId} title={p.title} {...aria}>
      {p.children}
    </button>
  );
}

/**
 * A field with its name above it. A placeholder vanishes as soon as something is typed, and a bare
 * "5" or "none" says nothing: every field the editor fills gets a visible label.
 */
export function Labeled(p: { label: string | undefined; children: React.ReactNode; grow?: boolean }) {
  const spectrum = useContext(SpectrumContext);
  if (!p.label) return <>{p.children}</>;
  if (spectrum) return sp("div", { className: `cw-labeled${p.grow ? " cw-grow" : ""}` }, [sp("sp-label", { key: "l", size: "s" }, p.label), <React.Fragment key="c">{p.children}</React.Fragment>]);
  return (
    <label className={`cw-labeled${p.grow ? " cw-grow" : ""}`}>
      <span className="cw-label">{p.label}</span>
      {p.children}
    </label>
  );
}

export function TextField(p: Props & { value: string; onChange: (v: string) => void; placeholder?: string; multiline?: boolean; rows?: number; type?: "text" | "password" | "number"; onEnter?: () => void; label?: string }) {
  return (
    <Labeled label={p.label} grow>
      <BareTextField {...p} />
    </Labeled>
  );
}

function BareTextField(p: Props & { value: string; onChange: (v: string) => void; placeholder?: string; multiline?: boolean; rows?: number; type?: "text" | "password" | "number"; onEnter?: () => void; label?: string }) {
  const spectrum = useContext(SpectrumContext);
  const ref = useRef<HTMLElement>(null);
  useDomEvent(ref, "input", spectrum ? (e) => p.onChange((e.target as HTMLInputElement).value) : undefined);
  const onKey = (e: React.KeyboardEvent): void => {
    if (e.key === "Enter" && p.onEnter && (!p.multiline || e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      p.onEnter();
    }
  };
  if (spectrum) return sp("sp-textfield", { ref, value: p.value, placeholder: p.placeholder, multiline: p.multiline ? true : undefined, type: p.type, "data-testid": p.testId, "aria-label": p.label, onKeyDown: onKey, style: { width: "100%" } });
  return p.multiline ? (
    <textarea className="cw-field" value={p.value} placeholder={p.placeholder} rows={p.rows ?? 4} onChange={(e) => p.onChange(e.target.value)} onKeyDown={onKey} data-testid={p.testId} />
  ) : (
    <input className="cw-field" type={p.type ?? "text"} value={p.value} placeholder={p.placeholder} onChange={(e) => p.onChange(e.target.value)} onKeyDown={onKey} data-testid={p.testId} />
  );
}

export function Picker(p: Props & { value: string; options: readonly { value: string; label: string }[]; onChange: (v: string) => void; label?: string }) {
  const spectrum = useContext(SpectrumContext);
  const ref = useRef<HTMLElement>(null);
  useDomEvent(ref, "change", spectrum ? (e) => p.onChange((e.target as HTMLSelectElement).value) : undefined);
  if (spectrum) {
    // sp-picker's own `label` is placeholder text, gone once a value is picked: the name sits above it
    return (
      <Labeled label={p.label}>
        {sp(
          "sp-picker",
          { ref, label: p.label, value: p.value, "data-testid": p.testId, size: "s" },
          sp("sp-menu", { slot: "options" }, p.options.map((o) => sp("sp-menu-item", { key: o.value, value: o.value, selected: o.value === p.value ? true : undefined }, o.label))),
        )}
      </Labeled>
    );
  }
  return (
    <Labeled label={p.label}>
      <select className="cw-field cw-picker" value={p.value} onChange={(e) => p.onChange(e.target.value)} data-testid={p.testId}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labeled>
  );
}

export function Checkbox(p: Props & { checked: boolean; onChange: (v: boolean) => void }) {
  const spectrum = useContext(SpectrumContext);
  const ref = useRef<HTMLElement>(null);
  useDomEvent(ref, "change", spectrum ? (e) => p.onChange(Boolean((e.target as HTMLInputElement).checked)) : undefined);
  if (spectrum) return sp("sp-checkbox", { ref, checked: p.checked ? true : undefined, "data-testid": p.testId }, p.children);
  return (
    <label className="cw-check">
      <input type="checkbox" className="cw-checkbox" checked={p.checked} onChange={(e) => p.onChange(e.target.checked)} data-testid={p.testId} /> {p.children}
    </label>
  );
}

export function ProgressBar(p: { value: number; label?: string }) {
  const spectrum = useContext(SpectrumContext);
  const pct = Math.round(Math.max(0, Math.min(1, p.value)) * 100);
  if (spectrum) return sp("sp-progressbar", { value: pct, max: 100, size: "s", label: p.label, style: { width: "100%" } });
  return (
    <div className="cw-progress" role="progressbar" aria-valuenow={pct} aria-label={p.label}>
      <div style={{ width: `${pct}%` }} />
    </div>
  );
}

export function Heading(p: Props) {
  const spectrum = useContext(SpectrumContext);
  return spectrum ? sp("sp-heading", { size: "XXS" }, p.children) : <h3 className="cw-heading">{p.children}</h3>;
}

/** Small secondary text (cost line, sequence line). Spectrum's Detail is set in capitals, which makes
 * a sentence hard to read, so UXP gets small body text. */
export function Detail(p: Props) {
  const spectrum = useContext(SpectrumContext);
  return spectrum ? sp("sp-body", { size: "XS", class: "cw-detail", "data-testid": p.testId }, p.children) : <div className="cw-detail" data-testid={p.testId}>{p.children}</div>;
}

export function Divider() {
  const spectrum = useContext(SpectrumContext);
  return spectrum ? sp("sp-divider", { size: "s" }) : <hr className="cw-divider" />;
}
