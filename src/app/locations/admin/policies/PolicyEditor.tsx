import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Textarea, Toggle } from '@zendeskgarden/react-forms';
import { LG, MD } from '@zendeskgarden/react-typography';
import type { FieldError, PolicyLintWarning } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import type { AccountDirectory } from '../api/account-directory';
import FieldProblems from '../form/FieldProblems';
import ProblemSummary from '../form/ProblemSummary';
import { problemsAt } from '../form/field-problems';
import ConditionBuilder from './ConditionBuilder';
import LintWarnings from './LintWarnings';
import type { PolicyDraft } from './policy-draft';
import TargetGrid, { type ScheduleChoice } from './TargetGrid';

interface Props {
  readonly draft: PolicyDraft;
  readonly directory: AccountDirectory;
  readonly schedules: readonly ScheduleChoice[];
  /** Problems with grid paths (toGridPaths), from the browser's validation or the server's 422. */
  readonly problems: readonly FieldError[];
  readonly warnings: readonly PolicyLintWarning[];
  readonly busy: boolean;
  readonly t: Translate;
  readonly titleOf: (id: string) => string;
  readonly onChange: (draft: PolicyDraft) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

/** Paths a field of this form shows; the rest go to the summary above it. */
const shownInForm = (path: string) => /^(title|description|active)$/.test(path) || /^filter\.(all|any)\[\d+\]\.(field|operator|value)/.test(path) || /^targets\.[a-z_]+\/[a-z]+/.test(path);

/** The policy form: name, conditions, targets; problems beside their fields, lint warnings above the buttons. */
export default function PolicyEditor({ draft, directory, schedules, problems, warnings, busy, t, titleOf, onChange, onSave, onCancel }: Props) {
  const titleProblems = problemsAt(problems, 'title');
  return (
    <form
      aria-label={draft.id ? t('admin.policies.edit_heading') : t('admin.policies.new_heading')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      // minmax(0, 1fr): the column is the form's width, not its widest child's (the target grid scrolls inside it if need be).
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16, maxWidth: 1200 }}
    >
      <LG tag="h2">{draft.id ? t('admin.policies.edit_heading') : t('admin.policies.new_heading')}</LG>
      <ProblemSummary problems={problems.filter((p) => !shownInForm(p.path))} t={t} />
      <Field>
        <Field.Label>{t('admin.policies.title')}</Field.Label>
        <Input value={draft.title} validation={titleProblems.length > 0 ? 'error' : undefined} onChange={(e) => onChange({ ...draft, title: e.target.value })} />
        <FieldProblems problems={titleProblems} t={t} />
      </Field>
      <Field>
        <Field.Label>{t('admin.policies.description')}</Field.Label>
        <Textarea minRows={2} value={draft.description} onChange={(e) => onChange({ ...draft, description: e.target.value })} />
        <FieldProblems problems={problemsAt(problems, 'description')} t={t} />
      </Field>
      <Field>
        <Toggle checked={draft.active} onChange={(e) => onChange({ ...draft, active: e.target.checked })}>
          <Field.Label>{t('admin.policies.active')}</Field.Label>
        </Toggle>
      </Field>
      <div>
        <MD isBold tag="h3">{t('admin.conditions.heading')}</MD>
        <MD>{t('admin.conditions.hint')}</MD>
        <ConditionBuilder group="all" conditions={draft.all} directory={directory} problems={problems} t={t} onChange={(all) => onChange({ ...draft, all })} />
        <ConditionBuilder group="any" conditions={draft.any} directory={directory} problems={problems} t={t} onChange={(any) => onChange({ ...draft, any })} />
      </div>
      <div>
        <MD isBold tag="h3">{t('admin.targets.heading')}</MD>
        <MD>{t('admin.targets.hint')}</MD>
        <TargetGrid
          targets={draft.targets}
          schedules={schedules}
          problems={problems}
          t={t}
          onChange={(key, cell) => onChange({ ...draft, targets: { ...draft.targets, [key]: cell } })}
        />
      </div>
      <LintWarnings warnings={warnings} t={t} titleOf={titleOf} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="submit" isPrimary disabled={busy}>
          {t('admin.policies.save')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('admin.common.cancel')}
        </Button>
      </div>
    </form>
  );
}
