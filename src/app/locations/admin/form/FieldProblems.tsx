import type { FieldError } from '../../../../core';
import { Field } from '@zendeskgarden/react-forms';
import type { Translate } from '../../../i18n/translate';
import { describeProblem } from './field-problems';

interface Props {
  readonly problems: readonly FieldError[];
  readonly t: Translate;
}

/**
 * The problems of one field, right below it, as Garden's error messages. Inside a Garden `Field` they are tied to
 * its input (`aria-describedby`), so a screen reader reads them with the field.
 */
export default function FieldProblems({ problems, t }: Props) {
  if (problems.length === 0) return null;
  return (
    <>
      {problems.map((problem, i) => (
        <Field.Message key={`${problem.path}/${problem.code}/${i}`} validation="error" data-problem-path={problem.path}>
          {describeProblem(problem, t)}
        </Field.Message>
      ))}
    </>
  );
}
