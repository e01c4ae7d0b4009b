import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { WEEKDAYS } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import type { SavedSchedule } from '../api/schedules-api';

interface Props {
  readonly schedules: readonly SavedSchedule[];
  readonly busy: boolean;
  readonly t: Translate;
  readonly onEdit: (id: string) => void;
  readonly onDelete: (id: string) => void;
}

/** The account's schedules: name, zone and how many days a week each is open. Deleting asks once more, in place. */
export default function ScheduleList({ schedules, busy, t, onEdit, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (schedules.length === 0) return <MD>{t('admin.schedules.empty')}</MD>;
  return (
    <ul aria-label={t('admin.schedules.list_label')} style={{ listStyle: 'none', padding: 0, margin: 0, maxWidth: 900 }}>
      {schedules.map((s) => {
        const openDays = WEEKDAYS.filter((day) => (s.spec.week?.[day]?.length ?? 0) > 0).length;
        return (
          <li key={s.id} data-schedule-id={s.id} style={{ display: 'grid', gridTemplateColumns: '1fr auto', gap: 12, alignItems: 'center', padding: '10px 8px', borderBottom: '1px solid #e9ebed' }}>
            <div>
              <MD isBold>{s.name}</MD>
              <SM>{t('admin.schedules.summary', { zone: s.spec.timeZone, days: openDays, holidays: s.spec.holidays?.length ?? 0 })}</SM>
            </div>
            <div style={{ display: 'flex', gap: 4 }}>
              <Button size="small" onClick={() => onEdit(s.id)} aria-label={t('admin.schedules.edit_label', { name: s.name })}>
                {t('admin.common.edit')}
              </Button>
              {confirming === s.id ? (
                <>
                  <Button size="small" isPrimary isDanger disabled={busy} onClick={() => { setConfirming(null); onDelete(s.id); }}>
                    {t('admin.schedules.confirm_delete', { name: s.name })}
                  </Button>
                  <Button size="small" isBasic onClick={() => setConfirming(null)}>
                    {t('admin.common.cancel')}
                  </Button>
                </>
              ) : (
                <Button size="small" isDanger disabled={busy} onClick={() => setConfirming(s.id)} aria-label={t('admin.schedules.delete_label', { name: s.name })}>
                  {t('admin.common.delete')}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
