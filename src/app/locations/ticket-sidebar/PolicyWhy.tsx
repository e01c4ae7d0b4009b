import { MD, SM } from '@zendeskgarden/react-typography';
import type { Translate } from '../../i18n/translate';
import type { PolicyExplanation } from './explain-policy';

/** The policy in force, and in a collapsible part why: the reason it won and the conditions that held. */
export default function PolicyWhy({ explanation, t }: { readonly explanation: PolicyExplanation; readonly t: Translate }) {
  return (
    <div data-policy>
      <MD isBold>{explanation.title === null ? t('sidebar.no_policy') : t('sidebar.policy_name', { name: explanation.title })}</MD>
      <details>
        <summary>
          <SM tag="span">{t('sidebar.why_policy')}</SM>
        </summary>
        <SM>{explanation.reason}</SM>
        {explanation.conditions.length > 0 && (
          <>
            <SM>{t('sidebar.why.conditions_held')}</SM>
            <ul style={{ margin: '2px 0 0 16px', padding: 0 }}>
              {explanation.conditions.map((text) => (
                <li key={text}>
                  <SM tag="span">{text}</SM>
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
    </div>
  );
}
