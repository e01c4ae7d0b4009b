import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { DateTime } from 'luxon';
import type { SlaPolicy } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import type { LoadState } from '../../../load-state';
import type { RunAdminCall } from '../api/use-admin-api';
import { describeSaveError } from '../common/describe-save-error';
import { backtestCall, type SimulationView } from './backtest-api';
import SimulationResult from './SimulationResult';

interface Props {
  readonly run: RunAdminCall | null;
  /** The whole policy list as saving the draft would leave it. */
  readonly policies: readonly SlaPolicy[];
  readonly locale: string;
  readonly timeZone: string;
  readonly t: Translate;
}

/** The days a simulation replays, ending now (the server allows up to 92). */
const DAYS = 30;

/** "Simulate": replays the last 30 days under the draft and shows it beside the current rules; saves nothing. */
export default function SimulatePanel({ run, policies, locale, timeZone, t }: Props) {
  const [state, setState] = useState<LoadState<{ view: SimulationView; period: string }> | null>(null);
  const simulate = async () => {
    if (!run) return;
    const to = DateTime.now().setZone(timeZone);
    const from = to.minus({ days: DAYS });
    setState({ status: 'loading' });
    const result = await run(backtestCall(policies, from.toISO() ?? '', to.toISO() ?? ''));
    const period = `${from.setLocale(locale).toLocaleString(DateTime.DATE_MED)} – ${to.setLocale(locale).toLocaleString(DateTime.DATE_MED)}`;
    setState(result.ok ? { status: 'ready', value: { view: result.value, period } } : { status: 'failed', error: result.error });
  };
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <div style={{ marginTop: 16 }}>
      <Button onClick={() => void simulate()} disabled={!run || state?.status === 'loading'}>
        {state?.status === 'loading' ? t('admin.policies.simulate_running') : t('admin.policies.simulate_button')}
      </Button>
      <span style={{ marginLeft: 12 }}>{t('admin.policies.simulate_hint', { count: DAYS })}</span>
      {state?.status === 'failed' && (
        <p role="alert" style={{ color: '#cc3340' }}>
          {describeSaveError(state.error, t)}
        </p>
      )}
      {state?.status === 'ready' && <SimulationResult simulation={state.value.view} period={state.value.period} percent={(v) => (v === null ? '–' : percentFormat.format(v / 100))} t={t} />}
    </div>
  );
}
