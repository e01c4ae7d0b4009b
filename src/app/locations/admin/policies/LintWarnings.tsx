import { Alert } from '@zendeskgarden/react-notifications';
import type { PolicyLintWarning } from '../../../../core';
import type { Translate } from '../../../i18n/translate';

/** One sentence per lint warning: what the admin probably did not mean. The policy still saves. */
export function describeWarning(warning: PolicyLintWarning, t: Translate, titleOf: (id: string) => string): string {
  const params = warning.params ?? {};
  switch (warning.code) {
    case 'missing_priority_target': {
      const priorities = String(params.priorities ?? '').split(',').filter(Boolean).map((p) => t(`admin.targets.priority.${p}`));
      return t('admin.lint.missing_priority_target', { metric: t(`metric.${String(params.metric)}`), priorities: priorities.join(', ') });
    }
    case 'shadowed':
      return t('admin.lint.shadowed', { policy: titleOf(String(params.by ?? '')) });
    default:
      return t(`admin.lint.${warning.code}`);
  }
}

interface Props {
  readonly warnings: readonly PolicyLintWarning[];
  readonly t: Translate;
  readonly titleOf: (id: string) => string;
}

export default function LintWarnings({ warnings, t, titleOf }: Props) {
  if (warnings.length === 0) return null;
  return (
    <Alert type="warning" data-lint-warnings>
      <Alert.Title>{t('admin.lint.heading')}</Alert.Title>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {warnings.map((w, i) => (
          <li key={`${w.code}/${w.path}/${i}`}>{describeWarning(w, t, titleOf)}</li>
        ))}
      </ul>
    </Alert>
  );
}
