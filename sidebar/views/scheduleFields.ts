// Building blocks of the Weekly batches form: a labelled field with its hint and error line, template pickers, radio groups.
import type { TemplateRef, TemplateSummary } from '../../src/shared/mergeApi';
import { el, uid } from './dom';

export interface Field {
  wrap: HTMLElement;
  control: HTMLElement;
  hint: HTMLElement | null;
  error: HTMLElement;
}

/** The value of a template picker's "None". */
export const NO_TEMPLATE = '';

export function refValue(ref: TemplateRef): string {
  return `${ref.source}:${ref.name}`;
}

export function refOf(value: string): TemplateRef | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const source = value.slice(0, at);
  if (source !== 'sheet' && source !== 'draft') return null;
  return { source, name: value.slice(at + 1) };
}

/** Shows a message under a field (or clears it with ""), marking the control invalid for screen readers. */
export function setFieldError(f: Field, message: string): void {
  f.error.textContent = message;
  f.error.hidden = !message;
  if (message) f.control.setAttribute('aria-invalid', 'true');
  else f.control.removeAttribute('aria-invalid');
}

/** A labelled control with a hint and an error line, both tied to it for screen readers. */
export function field(label: string, control: HTMLElement, hint?: string): Field {
  const id = control.id || uid('schedule-field');
  control.id = id;
  const error = el('p', { className: 'field-error', attrs: { id: `${id}-error`, hidden: true } });
  const hintNode = hint
    ? el('p', { className: 'hint', text: hint, attrs: { id: `${id}-hint` } })
    : null;
  control.setAttribute(
    'aria-describedby',
    [hintNode ? `${id}-hint` : '', `${id}-error`].join(' ').trim(),
  );
  const wrap = el(
    'div',
    { className: 'field' },
    el('label', { text: label, attrs: { for: id } }),
    control,
    hintNode,
    error,
  );
  return { wrap, control, hint: hintNode, error };
}

export function templateSelect(
  templates: TemplateSummary[],
  chosen: TemplateRef | null,
  none: string | null,
): { select: HTMLSelectElement; missing: boolean } {
  const select = el('select');
  if (none !== null)
    select.appendChild(el('option', { text: none, attrs: { value: NO_TEMPLATE } }));
  const groups: Array<[string, TemplateSummary[]]> = [
    ['Templates sheet', templates.filter((t) => t.source === 'sheet')],
    ['Gmail drafts', templates.filter((t) => t.source === 'draft')],
  ];
  for (const [label, list] of groups) {
    if (!list.length) continue;
    const group = el('optgroup', { attrs: { label } });
    for (const t of list)
      group.appendChild(el('option', { text: t.name, attrs: { value: refValue(t) } }));
    select.appendChild(group);
  }
  const known = chosen && templates.some((t) => refValue(t) === refValue(chosen));
  const missing = !!chosen && !!chosen.name && !known;
  if (chosen && missing) {
    // Kept as chosen so saving does not silently switch template; the error says what to do.
    select.appendChild(
      el('option', { text: `${chosen.name} (not found)`, attrs: { value: refValue(chosen) } }),
    );
  }
  if (chosen && chosen.name) select.value = refValue(chosen);
  else if (none !== null) select.value = NO_TEMPLATE;
  return { select, missing };
}

export function radios<T extends string>(
  legend: string,
  name: string,
  options: ReadonlyArray<[T, string]>,
  chosen: T,
  hint: string,
): { set: HTMLFieldSetElement; value(): T } {
  const hintId = uid('schedule-hint');
  const set = el(
    'fieldset',
    { attrs: { 'aria-describedby': hintId } },
    el('legend', { text: legend }),
  );
  const inputs = options.map(([value, text]) => {
    const input = el('input', { attrs: { type: 'radio', name, value, checked: value === chosen } });
    set.appendChild(el('label', { className: 'radio' }, input, text));
    return input;
  });
  set.appendChild(el('p', { className: 'hint', text: hint, attrs: { id: hintId } }));
  return { set, value: () => (inputs.find((i) => i.checked)?.value ?? chosen) as T };
}
