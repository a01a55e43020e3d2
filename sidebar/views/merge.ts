// The Emails tab: choose a template and recipients, preview every email and skip, send a test, then send or create drafts (or print letters).
import { BUCKETS, BUCKET_LABELS, type Bucket } from '../../src/shared/api';
import type {
  MergePreview,
  MergeRequest,
  MergeSetup,
  RecipientSpec,
  TemplateSummary,
} from '../../src/shared/mergeApi';
import type { ViewContext } from '../context';
import { clear, el, uid } from './dom';
import {
  MERGE_CSS,
  button,
  confirmThen,
  emailViewer,
  isStorageError,
  label,
  storageOffer,
} from './mergeParts';

type Who = 'top' | 'bucket' | 'selected' | 'client';

export function mountMergeView(root: HTMLElement, ctx: ViewContext, refreshGmail = false): void {
  root.appendChild(el('style', { text: MERGE_CSS }));
  const body = el('div', { className: 'merge' });
  root.appendChild(body);
  const handed = ctx.takeSelectedClient();
  const handedTemplate = ctx.takeSelectedTemplate?.() ?? null;
  body.appendChild(el('p', { className: 'loading', text: 'Loading templates…' }));
  // Gmail's drafts and aliases come from a cache; "Refresh Gmail drafts" reads Gmail again.
  const setupCall = refreshGmail
    ? ctx.api.call('getMergeSetup', { refresh: 'gmail' })
    : ctx.api.call('getMergeSetup');
  setupCall.then(
    (setup) => render(setup),
    (error) => {
      clear(body);
      ctx.showError(error);
      if (isStorageError(error)) body.appendChild(storageOffer(ctx, null, () => mountAgain()));
      body.appendChild(button('Try again', () => mountAgain()));
    },
  );

  /** A failed preview or send: the error, and the storage offer when a full store caused it. */
  function failed(output: HTMLElement, error: unknown): void {
    clear(output);
    ctx.showError(error);
    // After a repair the offer keeps its result in view; Preview again to go on.
    if (isStorageError(error)) output.appendChild(storageOffer(ctx, null, () => undefined));
  }

  function mountAgain(refresh = false): void {
    clear(root);
    mountMergeView(root, ctx, refresh);
  }

  function render(setup: MergeSetup): void {
    clear(body);
    for (const text of [...setup.notices, ...setup.problems])
      body.appendChild(el('p', { className: 'notice', text }));
    if (setup.storage?.low) body.appendChild(storageOffer(ctx, setup.storage, () => mountAgain()));

    const templateSelect = el('select', { attrs: { id: uid('template') } });
    const groups: Array<[string, TemplateSummary[]]> = [
      ['Templates sheet', setup.templates.filter((t) => t.source === 'sheet')],
      ['Gmail drafts', setup.templates.filter((t) => t.source === 'draft')],
    ];
    for (const [label, list] of groups) {
      if (!list.length) continue;
      const group = el('optgroup', { attrs: { label } });
      for (const t of list) {
        const name = t.channel === 'letter' ? `${t.name} (letter)` : t.name;
        group.appendChild(el('option', { text: name, attrs: { value: `${t.source}:${t.name}` } }));
      }
      templateSelect.appendChild(group);
    }
    // The template handed over with the client (the follow-up after a call) is chosen for them.
    if (handedTemplate) {
      const wanted = `sheet:${handedTemplate}`;
      if (setup.templates.some((t) => `${t.source}:${t.name}` === wanted))
        templateSelect.value = wanted;
    }
    const templateNotes = el('p', { className: 'hint' });
    // A client due for a follow-up (issue 13) arrives with its template chosen.
    const wanted = handed?.followUp ? `sheet:${handed.followUp.template}` : '';
    if (setup.templates.some((t) => `${t.source}:${t.name}` === wanted))
      templateSelect.value = wanted;
    const refreshDrafts = button('Refresh Gmail drafts', () => mountAgain(true));

    const whoSelect = el('select', { attrs: { id: uid('who') } });
    const whoOptions: Array<[Who, string]> = [
      ['top', 'Top of the call list'],
      ['bucket', 'A recency group'],
      ['selected', 'Rows selected in the sheet'],
    ];
    if (handed) whoOptions.unshift(['client', `Only ${handed.name || handed.email}`]);
    for (const [value, text] of whoOptions)
      whoSelect.appendChild(el('option', { text, attrs: { value } }));
    const countInput = el('input', {
      attrs: { type: 'number', min: 1, max: 200, value: 10, id: uid('count') },
    });
    const bucketSelect = el('select', {
      attrs: { id: uid('bucket'), 'aria-label': 'Recency group' },
    });
    for (const b of BUCKETS)
      bucketSelect.appendChild(el('option', { text: BUCKET_LABELS[b], attrs: { value: b } }));
    const countRow = el('div', {}, label('How many', countInput), countInput);
    const bucketRow = el('div', {}, label('Group', bucketSelect), bucketSelect);

    const modeName = uid('mode');
    const sendRadio = el('input', {
      attrs: { type: 'radio', name: modeName, value: 'send', checked: true },
    });
    const draftRadio = el('input', { attrs: { type: 'radio', name: modeName, value: 'draft' } });
    const modeSet = el(
      'fieldset',
      {},
      el('legend', { text: 'How' }),
      el('label', {}, sendRadio, ' Send now'),
      el('label', {}, draftRadio, ' Create Gmail drafts to review'),
    );

    const nameInput = el('input', {
      attrs: { type: 'text', id: uid('sender'), value: setup.myName, maxlength: 100 },
    });
    const replyInput = el('input', { attrs: { type: 'email', id: uid('reply') } });
    const fromSelect = el('select', { attrs: { id: uid('from') } });
    fromSelect.appendChild(
      el('option', { text: setup.userEmail || 'My address', attrs: { value: '' } }),
    );
    for (const a of setup.aliases)
      fromSelect.appendChild(el('option', { text: a, attrs: { value: a } }));
    const sender = el(
      'details',
      {},
      el('summary', { text: 'Reply-to and alias' }),
      label('Reply-to (optional)', replyInput),
      replyInput,
      label('Send from', fromSelect),
      fromSelect,
      el('p', {
        className: 'hint',
        text: 'An alias sends through Gmail, which cannot carry emoji in subjects; your own address keeps them.',
      }),
    );

    const previewButton = button('Preview', () => preview(), true);
    const quotaHint = el('p', {
      className: 'hint',
      text: `Email quota left today: ${setup.quota}.`,
    });
    const output = el('div', { attrs: { 'aria-live': 'polite' } });
    body.append(
      label('Template', templateSelect),
      templateSelect,
      templateNotes,
      refreshDrafts,
      label('Who', whoSelect),
      whoSelect,
      bucketRow,
      countRow,
      label('Your name', nameInput),
      nameInput,
      el('p', {
        className: 'hint',
        text: 'Signs each message as {{My Name}}, and shows as the sender of emails.',
      }),
      modeSet,
      sender,
      el('div', { className: 'actions' }, previewButton),
      quotaHint,
      output,
    );

    const chosen = (): TemplateSummary | undefined =>
      setup.templates.find((t) => `${t.source}:${t.name}` === templateSelect.value);
    const sync = () => {
      const t = chosen();
      templateNotes.textContent = t
        ? [t.audience && t.audience !== 'Anyone' ? `For: ${t.audience}.` : '', t.notes]
            .filter(Boolean)
            .join(' ')
        : '';
      const who = whoSelect.value as Who;
      bucketRow.hidden = who !== 'bucket';
      countRow.hidden = who !== 'top' && who !== 'bucket';
      modeSet.hidden = t?.channel === 'letter';
      sender.hidden = t?.channel === 'letter';
      clear(output);
    };
    for (const input of [
      nameInput,
      templateSelect,
      whoSelect,
      bucketSelect,
      countInput,
      sendRadio,
      draftRadio,
      fromSelect,
    ]) {
      input.addEventListener('change', sync);
    }
    sync();

    function request(recipients?: RecipientSpec): MergeRequest {
      const t = chosen();
      const who = whoSelect.value as Who;
      const count = Number(countInput.value) || 10;
      const spec: RecipientSpec =
        recipients ??
        (who === 'client' && handed
          ? { kind: 'clients', ids: [handed.id] }
          : who === 'selected'
            ? { kind: 'selected' }
            : who === 'bucket'
              ? { kind: 'bucket', bucket: bucketSelect.value as Bucket, count }
              : { kind: 'top', count });
      return {
        template: { source: t?.source ?? 'sheet', name: t?.name ?? '' },
        recipients: spec,
        mode: draftRadio.checked ? 'draft' : 'send',
        senderName: nameInput.value.trim(),
        replyTo: replyInput.value.trim(),
        from: fromSelect.value,
      };
    }

    /** The name typed here is kept in Settings, so the next merge (and the call scripts) know it. */
    function rememberName(): void {
      const name = nameInput.value.trim();
      if (!name || name === setup.myName) return;
      setup.myName = name;
      ctx.api.call('saveSettings', { myName: name }).catch(() => undefined);
    }

    function preview(): void {
      clear(output);
      output.appendChild(el('p', { className: 'loading', text: 'Rendering…' }));
      previewButton.disabled = true;
      const req = request();
      ctx.api
        .call('previewMerge', req)
        .then(
          (p) => showPreview(p, req),
          (e) => failed(output, e),
        )
        .finally(() => (previewButton.disabled = false));
    }

    function showPreview(p: MergePreview, req: MergeRequest): void {
      clear(output);
      for (const text of p.notices) output.appendChild(el('p', { className: 'notice', text }));
      if (p.blocked) {
        // Only the name is missing: the fix is the box above, not the template.
        const unsigned = /your name is not set/i.test(p.blocked.message);
        output.appendChild(
          el(
            'div',
            { className: 'blocked', attrs: { role: 'alert' } },
            el('p', { text: p.blocked.message }),
            unsigned
              ? button('Type your name', () => nameInput.focus())
              : el('p', {
                  className: 'hint',
                  text: 'Edit the template in the Templates sheet, then preview again.',
                }),
          ),
        );
        return;
      }
      rememberName();
      const letters = p.path === 'print';
      const noun = letters ? 'letter' : req.mode === 'draft' ? 'draft' : 'email';
      const summary = `${p.emails.length} ${noun}${p.emails.length === 1 ? '' : 's'} ready, ${p.skips.length} skipped.`;
      output.appendChild(el('p', { className: 'summary', text: summary }));
      if (p.willWait > 0) {
        output.appendChild(
          el('p', {
            className: 'notice',
            text: `${p.willWait} will wait for tomorrow: today's quota is ${p.quota}.`,
          }),
        );
      }
      const viewer = p.emails.length ? emailViewer(p) : null;
      const notFor = p.emails.filter((e) => e.audienceWarning).length;
      if (notFor) {
        output.appendChild(
          el('p', {
            className: 'audience-warning',
            text: `${notFor} of ${p.emails.length} ${notFor === 1 ? 'goes to a client' : 'go to clients'} "${p.template.name}" is not for (${p.template.audience ?? 'see its notes'}). Check each one below.`,
          }),
        );
      }
      if (viewer) output.appendChild(viewer.node);
      if (p.skips.length) {
        const list = el('ul', { className: 'skips' });
        for (const s of p.skips)
          list.appendChild(el('li', { text: `${s.name || s.email}: ${s.reason}` }));
        output.appendChild(
          el('details', {}, el('summary', { text: `Skipped (${p.skips.length})` }), list),
        );
      }
      if (!p.emails.length) return;
      const exact: RecipientSpec = {
        kind: 'clients',
        ids: p.emails.map((e) => e.clientId),
        skipped: p.skips.map((s) => s.clientId).filter(Boolean),
      };
      const actions = el('div', { className: 'actions' });
      if (letters) {
        actions.appendChild(
          button(
            'Print letters…',
            () =>
              ctx.api
                .call('openLetters', request(exact))
                // The dialog is modal: the letters ticked in it are logged before the Calls tab
                // can be shown again, which then reads its list afresh.
                .then(() => ctx.listChanged?.(), ctx.showError),
            true,
          ),
        );
      } else {
        actions.appendChild(
          button('Send a test to me', (b) => {
            b.disabled = true;
            // As the client shown in the preview would get it, not only the first.
            const shown = viewer?.picked().clientId;
            const one: RecipientSpec = shown ? { kind: 'clients', ids: [shown] } : exact;
            ctx.api
              .call('sendTestEmail', request(one))
              .then((r) => ctx.toast(r.message), ctx.showError)
              .finally(() => (b.disabled = false));
          }),
        );
        const go = `${req.mode === 'draft' ? 'Create' : 'Send'} ${p.emails.length} ${noun}${p.emails.length === 1 ? '' : 's'}`;
        const caution = notFor
          ? `${notFor} of these ${notFor === 1 ? 'goes to a client' : 'go to clients'} this template is not for.`
          : '';
        actions.appendChild(
          button(go, (b) => confirmThen(b, actions, () => run(request(exact)), caution), true),
        );
      }
      output.appendChild(actions);
    }

    function run(req: MergeRequest): void {
      clear(output);
      output.appendChild(
        el('p', {
          className: 'loading',
          text: req.mode === 'draft' ? 'Creating drafts…' : 'Sending…',
        }),
      );
      ctx.api.call('runMailMerge', req).then(
        (r) => {
          clear(output);
          ctx.toast(r.message);
          // Times since contact, counts and today's goal changed: the Calls tab reads them again.
          ctx.listChanged?.();
          if (r.mode === 'send') quotaHint.textContent = `Email quota left today: ${r.quotaLeft}.`;
          for (const text of r.notices) output.appendChild(el('p', { className: 'notice', text }));
          output.appendChild(el('p', { className: 'summary', text: r.message }));
          const list = el('ul', { className: 'outcomes' });
          for (const o of r.outcomes)
            list.appendChild(el('li', { text: `${o.name || o.to}: ${o.status}` }));
          output.appendChild(list);
        },
        (e) => failed(output, e),
      );
    }
  }
}
