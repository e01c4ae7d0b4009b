import { allowedValues, operatorsFor, type ConditionField, type ConditionOperator } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import type { AccountDirectory, CustomFieldInfo, DirectoryOption } from '../api/account-directory';

/** The ticket fields the builder offers, in Zendesk's order; custom fields follow, by title. */
export const STANDARD_FIELDS = [
  'status', 'priority', 'type', 'group_id', 'assignee_id', 'brand_id', 'organization_id', 'ticket_form_id',
  'requester_email', 'requester_domain', 'tags', 'via',
] as const satisfies readonly ConditionField[];

/** Zendesk's common `via.channel` values, suggested (not imposed: accounts see others). */
export const VIA_CHANNELS = ['web', 'email', 'api', 'chat', 'voice', 'mobile', 'sms', 'facebook', 'twitter', 'native_messaging', 'rule'];

const customId = (field: ConditionField) => (field.startsWith('custom_fields_') ? field.slice('custom_fields_'.length) : null);

export function customFieldOf(field: ConditionField, directory: AccountDirectory): CustomFieldInfo | undefined {
  const id = customId(field);
  return id === null ? undefined : directory.customFields?.find((f) => f.id === id);
}

export function fieldChoices(directory: AccountDirectory, t: Translate): DirectoryOption[] {
  const standard = STANDARD_FIELDS.map((field) => ({ value: field, label: t(`admin.fields.${field}`) }));
  const custom = [...(directory.customFields ?? [])]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((f) => ({ value: `custom_fields_${f.id}`, label: f.title }));
  return [...standard, ...custom];
}

/** The core allows every operator on a custom field (it cannot know the type); the field's type narrows them here. */
const OPERATORS_BY_CUSTOM_TYPE: Readonly<Record<string, readonly ConditionOperator[]>> = {
  tagger: ['is', 'is_not', 'in', 'not_in'],
  multiselect: ['includes', 'includes_all', 'not_includes'],
  checkbox: ['is', 'is_not'],
  integer: ['is', 'is_not', 'less_than', 'greater_than'],
  decimal: ['is', 'is_not', 'less_than', 'greater_than'],
  date: ['is', 'is_not', 'less_than', 'greater_than'],
};
const TEXT_OPERATORS: readonly ConditionOperator[] = ['is', 'is_not', 'contains', 'not_contains'];

export function operatorChoices(field: ConditionField, directory: AccountDirectory): readonly ConditionOperator[] {
  const custom = customFieldOf(field, directory);
  if (custom) return OPERATORS_BY_CUSTOM_TYPE[custom.type] ?? TEXT_OPERATORS;
  return operatorsFor(field);
}

/**
 * The values a field can take, when the builder can offer them as a choice; null means "type it" (text, or a list
 * Zendesk would not give us).
 */
export function valueChoices(field: ConditionField, directory: AccountDirectory, t: Translate): readonly DirectoryOption[] | null {
  const closed = allowedValues(field);
  if (closed) return closed.map((value) => ({ value, label: t(`admin.values.${field}.${value}`) }));
  switch (field) {
    case 'group_id':
      return directory.groups;
    case 'brand_id':
      return directory.brands;
    case 'ticket_form_id':
      return directory.ticketForms;
    case 'organization_id':
      return directory.organizations;
    case 'assignee_id':
      return directory.assignees;
    default: {
      const custom = customFieldOf(field, directory);
      if (custom?.type === 'checkbox') return [{ value: 'true', label: t('admin.values.checked') }, { value: 'false', label: t('admin.values.unchecked') }];
      return custom && custom.options.length > 0 ? custom.options : null;
    }
  }
}
