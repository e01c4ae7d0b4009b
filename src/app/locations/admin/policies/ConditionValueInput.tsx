import { Checkbox, Field, Input, Select } from '@zendeskgarden/react-forms';
import type { Translate } from '../../../i18n/translate';
import type { DirectoryOption } from '../api/account-directory';
import { splitList } from './policy-draft';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: string | readonly string[];
  /** Null: the admin types the value (space-separated for a list). */
  readonly choices: readonly DirectoryOption[] | null;
  /** Suggestions for a typed value (via channels). */
  readonly suggestions?: readonly string[];
  readonly invalid: boolean;
  readonly t: Translate;
  readonly onChange: (value: string | readonly string[]) => void;
}

/** A condition's value: a choice among the field's values, several for a list operator, or typed text. */
export default function ConditionValueInput({ id, label, value, choices, suggestions, invalid, t, onChange }: Props) {
  const validation = invalid ? 'error' : undefined;
  if (Array.isArray(value) && choices) {
    return (
      <fieldset aria-label={label} style={{ border: 0, margin: 0, padding: 0, maxHeight: 140, overflowY: 'auto' }}>
        {choices.map((choice) => (
          <Field key={choice.value}>
            <Checkbox
              checked={value.includes(choice.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, choice.value] : value.filter((v) => v !== choice.value))}
            >
              <Field.Label isRegular>{choice.label}</Field.Label>
            </Checkbox>
          </Field>
        ))}
      </fieldset>
    );
  }
  if (Array.isArray(value)) {
    return (
      <Input aria-label={label} placeholder={t('admin.conditions.list_placeholder')} value={value.join(' ')} validation={validation} onChange={(e) => onChange(splitList(e.target.value))} />
    );
  }
  const text = value as string;
  if (choices) {
    const known = text === '' || choices.some((c) => c.value === text);
    return (
      <Select aria-label={label} value={text} validation={validation} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('admin.conditions.no_value')}</option>
        {!known && <option value={text}>{text}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </Select>
    );
  }
  return (
    <>
      <Input aria-label={label} value={text} validation={validation} list={suggestions ? `${id}-suggestions` : undefined} onChange={(e) => onChange(e.target.value)} />
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  );
}
