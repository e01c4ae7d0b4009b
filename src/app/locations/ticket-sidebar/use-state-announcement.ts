import { useEffect, useRef, useState } from 'react';
import { isMeasured, METRIC_NAMES, type TicketSlaAssessment } from '../../../core';
import type { Translate } from '../../i18n/translate';
import { toneOf } from './describe-metric';

/**
 * A sentence for screen readers when a metric's state changes ("First reply time: Breached"), and only then: the
 * countdown itself ticks every second and would drown the agent in announcements.
 */
export function useStateAnnouncement(assessment: TicketSlaAssessment | null, t: Translate): string {
  const previous = useRef<Map<string, string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!assessment) return;
    const tones = new Map<string, string>();
    for (const metric of METRIC_NAMES) {
      const state = assessment.metrics[metric].state;
      if (isMeasured(state)) tones.set(metric, toneOf(state));
    }
    const before = previous.current;
    previous.current = tones;
    if (!before) return;
    const changed = [...tones].filter(([metric, tone]) => before.get(metric) !== tone);
    if (changed.length > 0) {
      setAnnouncement(changed.map(([metric, tone]) => t('sidebar.announce', { metric: t(`metric.${metric}`), state: t(`status.${tone}`) })).join(' '));
    }
  }, [assessment, t]);
  return announcement;
}
