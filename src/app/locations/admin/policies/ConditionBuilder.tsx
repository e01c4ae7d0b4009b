import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { MD } from '@zendeskgarden/react-typography';
import type { ConditionField, ConditionOperator, FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import type { AccountDirectory } from '../api/account-directory';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';
import { fieldChoices, operatorChoices, valueChoices, VIA_CHANNELS } from './condition-choices';
import ConditionValueInput from './ConditionValueInput';
import { isListOperator, withOperator, type ConditionDraft } from './policy-draft';

interface Props {
  readonly group: 'all' | 'any';
  readonly conditions: readonly ConditionDraft[];
  readonly directory: AccountDirectory;
  /** Problems with paths like `filter.all[1].value`. */
  readonly problems: readonly FieldError[];
  readonly t: Translate;
  readonly onChange: (conditions: ConditionDraft[]) => void;
}

/** A new condition on `field`: its first operator and an empty value of the right shape. */
export function newCondition(field: ConditionField, directory: AccountDirectory): ConditionDraft {
  const operator = operatorChoices(field, directory)[0] as ConditionOperator;
  return { field, operator, value: isListOperator(operator) ? [] : '' };
}

/**
 * One list of conditions ("all of these" or "any of these"): each row is field, operator and value, with its problems
 * beside it. Changing the field resets operator and value, which would rarely fit the new field.
 */
export default function ConditionBuilder({ group, conditions, directory, problems, t, onChange }: Props) {
  const replace = (index: number, condition: ConditionDraft) => onChange(conditions.map((c, i) => (i === index ? condition : c)));
  const fields = fieldChoices(directory, t);
  return (
    <section aria-label={t(`admin.conditions.${group}`)} data-conditions={group} style={{ marginBottom: 16 }}>
      <MD isBold>{t(`admin.conditions.${group}`)}</MD>
      {conditions.length === 0 && <MD>{t('admin.conditions.none')}</MD>}
      {conditions.map((condition, index) => {
        const path = `filter.${group}[${index}]`;
        const rowLabel = (part: string) => t(`admin.conditions.${part}_label`, { number: index + 1 });
        const valueProblems = problemsAt(problems, `${path}.value`, { deep: true });
        const operators = operatorChoices(condition.field, directory);
        return (
          <div key={index} data-condition-row={path} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1.5fr auto', gap: 8, alignItems: 'start', marginTop: 8 }}>
            <Field>
              <Field.Label hidden>{rowLabel('field')}</Field.Label>
              <Select value={condition.field} onChange={(e) => replace(index, newCondition(e.target.value as ConditionField, directory))}>
                {!fields.some((f) => f.value === condition.field) && <option value={condition.field}>{condition.field}</option>}
                {fields.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </Select>
              <FieldProblems problems={problemsAt(problems, `${path}.field`)} t={t} />
            </Field>
            <Field>
              <Field.Label hidden>{rowLabel('operator')}</Field.Label>
              <Select value={condition.operator} onChange={(e) => replace(index, withOperator(condition, e.target.value as ConditionOperator))}>
                {!operators.includes(condition.operator) && <option value={condition.operator}>{t(`admin.operators.${condition.operator}`)}</option>}
                {operators.map((op) => (
                  <option key={op} value={op}>
                    {t(`admin.operators.${op}`)}
                  </option>
                ))}
              </Select>
              <FieldProblems problems={problemsAt(problems, `${path}.operator`)} t={t} />
            </Field>
            <Field>
              <ConditionValueInput
                id={`${group}-${index}`}
                label={rowLabel('value')}
                value={condition.value}
                choices={valueChoices(condition.field, directory, t)}
                {...(condition.field === 'via' ? { suggestions: VIA_CHANNELS } : {})}
                invalid={valueProblems.length > 0}
                t={t}
                onChange={(value) => replace(index, { ...condition, value })}
              />
              <FieldProblems problems={valueProblems} t={t} />
            </Field>
            <Button size="small" isBasic isDanger onClick={() => onChange(conditions.filter((_, i) => i !== index))}>
              {t('admin.conditions.remove')}
            </Button>
          </div>
        );
      })}
      <Button size="small" style={{ marginTop: 8 }} onClick={() => onChange([...conditions, newCondition('status', directory)])}>
        {t(`admin.conditions.add_${group}`)}
      </Button>
    </section>
  );
}
