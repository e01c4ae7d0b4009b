import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Input, Textarea } from '@zendeskgarden/react-forms';
import { Tabs } from '@zendeskgarden/react-tabs';
import { MD } from '@zendeskgarden/react-typography';
import type { FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import type { EmailTemplate } from '../api/notifications-api';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';
import { EMAIL_KINDS, TEMPLATE_LOCALES, type EmailKind, type NotificationDraft, type TemplateLocale } from './notification-draft';
import NotificationTestButton, { type NotificationTestState } from './NotificationTestButton';
import PlaceholderHelp from './PlaceholderHelp';

interface Props {
  readonly draft: NotificationDraft;
  readonly problems: readonly FieldError[];
  readonly slaFields: Readonly<Partial<Record<'sla_policy' | 'sla_next_due_at' | 'sla_status', string>>>;
  readonly busy: boolean;
  readonly t: Translate;
  readonly onChange: (draft: NotificationDraft) => void;
  readonly onSave: () => void;
  /** Test sends per kind (issue #5); without it, no "Send a test" button (nothing to send through). */
  readonly tests?: { readonly states: Readonly<Record<'outOfSla' | 'dueSoon', NotificationTestState>>; readonly onSend: (kind: 'outOfSla' | 'dueSoon') => void };
}

const AUDIENCES: Readonly<Record<'outOfSla' | 'dueSoon', readonly ('requester' | 'assignee' | 'group')[]>> = {
  outOfSla: ['requester', 'assignee', 'group'],
  dueSoon: ['assignee', 'group'],
};

/** Who gets each email (Out of SLA, due soon), extra addresses, and the subject and body per locale. */
export default function NotificationForm({ draft, problems, slaFields, busy, t, onChange, onSave, tests }: Props) {
  const [locale, setLocale] = useState<TemplateLocale>('en');
  const setTemplate = (kind: EmailKind, template: EmailTemplate) =>
    onChange({ ...draft, templates: { ...draft.templates, [locale]: { ...draft.templates[locale], [kind]: template } } });

  return (
    <form
      aria-label={t('admin.notifications.heading')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      style={{ display: 'grid', gap: 20, maxWidth: 900 }}
    >
      {(['outOfSla', 'dueSoon'] as const).map((kind) => {
        const addressProblems = problemsAt(problems, `${kind}.addresses`, { deep: true });
        return (
          <fieldset key={kind} data-email-kind={kind} style={{ border: '1px solid #d8dcde', borderRadius: 4, padding: 16 }}>
            <legend>
              <MD isBold>{t(`admin.notifications.${kind}.heading`)}</MD>
            </legend>
            <MD>{t(`admin.notifications.${kind}.hint`)}</MD>
            {AUDIENCES[kind].map((audience) => (
              <Field key={audience}>
                <Checkbox
                  checked={(draft[kind] as Record<string, unknown>)[audience] === true}
                  onChange={(e) => onChange({ ...draft, [kind]: { ...draft[kind], [audience]: e.target.checked } })}
                >
                  <Field.Label>{t(`admin.notifications.audience.${audience}`)}</Field.Label>
                  {audience === 'requester' && <Field.Hint>{t('admin.notifications.audience.requester_hint')}</Field.Hint>}
                </Checkbox>
              </Field>
            ))}
            <Field>
              <Field.Label>{t('admin.notifications.addresses')}</Field.Label>
              <Field.Hint>{t('admin.notifications.addresses_hint')}</Field.Hint>
              <Textarea minRows={2} value={draft[kind].addresses} validation={addressProblems.length > 0 ? 'error' : undefined} onChange={(e) => onChange({ ...draft, [kind]: { ...draft[kind], addresses: e.target.value } })} />
              <FieldProblems problems={addressProblems} t={t} />
            </Field>
            {tests && <NotificationTestButton kind={kind} state={tests.states[kind]} t={t} onSend={() => tests.onSend(kind)} />}
          </fieldset>
        );
      })}
      <section>
        <MD isBold tag="h3">{t('admin.notifications.templates')}</MD>
        <PlaceholderHelp slaFields={slaFields} t={t} />
        <Tabs selectedItem={locale} onChange={(item: TemplateLocale) => setLocale(item)}>
          <Tabs.TabList aria-label={t('admin.notifications.template_locale')}>
            {TEMPLATE_LOCALES.map((l) => (
              <Tabs.Tab key={l} item={l}>
                {t(`admin.notifications.locales.${l}`)}
                {/* A problem in a language not shown would go unseen: its tab says so. */}
                {problemsAt(problems, `templates.${l}`, { deep: true }).length > 0 && ' ⚠'}
              </Tabs.Tab>
            ))}
          </Tabs.TabList>
          {TEMPLATE_LOCALES.map((l) => (
            <Tabs.TabPanel key={l} item={l}>
              <MD style={{ margin: '8px 0' }}>{t('admin.notifications.templates_hint')}</MD>
              {l === locale &&
                EMAIL_KINDS.map((kind) => {
                  const template = draft.templates[l][kind];
                  return (
                    <div key={kind} style={{ display: 'grid', gap: 8, marginBottom: 16 }}>
                      <Field>
                        <Field.Label>{t(`admin.notifications.${kind}.subject`)}</Field.Label>
                        {kind === 'outOfSlaRequester' && <Field.Hint>{t('admin.notifications.outOfSlaRequester.hint')}</Field.Hint>}
                        <Input value={template.subject} validation={problemsAt(problems, `templates.${l}.${kind}.subject`).length > 0 ? 'error' : undefined} onChange={(e) => setTemplate(kind, { ...template, subject: e.target.value })} />
                        <FieldProblems problems={problemsAt(problems, `templates.${l}.${kind}.subject`)} t={t} />
                      </Field>
                      <Field>
                        <Field.Label>{t(`admin.notifications.${kind}.body`)}</Field.Label>
                        <Textarea minRows={4} value={template.body} validation={problemsAt(problems, `templates.${l}.${kind}.body`).length > 0 ? 'error' : undefined} onChange={(e) => setTemplate(kind, { ...template, body: e.target.value })} />
                        <FieldProblems problems={problemsAt(problems, `templates.${l}.${kind}.body`)} t={t} />
                      </Field>
                    </div>
                  );
                })}
            </Tabs.TabPanel>
          ))}
        </Tabs>
      </section>
      <div>
        <Button type="submit" isPrimary disabled={busy}>
          {t('admin.notifications.save')}
        </Button>
      </div>
    </form>
  );
}
