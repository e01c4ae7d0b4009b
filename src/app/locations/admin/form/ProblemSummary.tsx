import type { FieldError } from '../../../../core';
import { Alert } from '@zendeskgarden/react-notifications';
import type { Translate } from '../../../i18n/translate';
import { describeProblem } from './field-problems';

/** Problems no field shows (a whole-form rule such as "never open"), listed above the form. */
export default function ProblemSummary({ problems, t }: { readonly problems: readonly FieldError[]; readonly t: Translate }) {
  if (problems.length === 0) return null;
  return (
    <Alert type="error" role="alert">
      <Alert.Title>{t('admin.common.fix_problems')}</Alert.Title>
      <ul>
        {problems.map((problem, i) => (
          <li key={`${problem.path}/${i}`} data-problem-path={problem.path}>
            {describeProblem(problem, t)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
