import BreachList from '../../../../../src/app/locations/admin/reports/BreachList';
import type { BreachView } from '../../../../../src/app/locations/admin/reports/breaches-api';
import PauseAuditTable from '../../../../../src/app/locations/admin/reports/PauseAuditTable';
import { reportFormat } from '../../../../../src/app/locations/admin/reports/report-format';
import { SUPPORTED_LOCALES } from '../../../../../src/app/i18n/catalogs';
import { renderMarkup, textOf, tIn } from '../render-markup';

// 2026-03-02T09:30:00Z: 10:30 in Warsaw, 18:30 in Tokyo.
const BREACHED_AT = Date.UTC(2026, 2, 2, 9, 30);

const breach = (overrides: Partial<BreachView> = {}): BreachView => ({
  ticketId: '42',
  metric: 'first_reply_time',
  instance: 1,
  status: 'breached',
  policyId: 'p-urgent',
  priority: 'urgent',
  groupId: '7',
  dueAt: BREACHED_AT,
  breachedAt: BREACHED_AT,
  lateMinutes: 95.4,
  ...overrides,
});

const policyTitle = (id: string | null) => (id === 'p-urgent' ? 'Urgent tickets' : String(id));
const noop = () => undefined;

describe('BreachList', () => {
  it('shows ticket, when in the viewer’s zone, how late, policy and target', () => {
    const text = textOf(renderMarkup(<BreachList breaches={[breach()]} total={3} format={reportFormat('en', 'Europe/Warsaw')} policyTitle={policyTitle} t={tIn('en')} onOpenTicket={noop} offset={0} pageSize={50} onPage={noop} />));
    expect(text).toContain('Showing 1–1 of 3 breaches, newest first.');
    expect(text).toContain('Ticket Breached at Late by Policy Target');
    expect(text).toContain('#42 Mar 2, 2026, 10:30 AM 95 minutes Urgent tickets First reply time · Urgent');
  });

  it('shows where a later page stands, with Previous and Next while there are more pages', () => {
    const page = Array.from({ length: 50 }, (_, i) => breach({ ticketId: String(100 + i) }));
    const text = textOf(renderMarkup(<BreachList breaches={page} total={1234} offset={50} pageSize={50} onPage={noop} format={reportFormat('en', 'UTC')} policyTitle={policyTitle} t={tIn('en')} onOpenTicket={noop} />));
    expect(text).toContain('Showing 51–100 of 1,234 breaches, newest first.');
    expect(text).toContain('Previous Page 2 of 25 Next');
    const polish = textOf(renderMarkup(<BreachList breaches={page.slice(0, 34)} total={1234} offset={1200} pageSize={50} onPage={noop} format={reportFormat('pl', 'UTC')} policyTitle={policyTitle} t={tIn('pl')} onOpenTicket={noop} />));
    expect(polish).toContain('Pokazano 1201–1234 z 1234 naruszeń, od najnowszych.');
    expect(polish).toContain('Strona 25 z 25');
  });

  it('has no page navigation when one page holds every breach', () => {
    const text = textOf(renderMarkup(<BreachList breaches={[breach()]} total={1} offset={0} pageSize={50} onPage={noop} format={reportFormat('en', 'UTC')} policyTitle={policyTitle} t={tIn('en')} onOpenTicket={noop} />));
    expect(text).toContain('Showing the only breach in this period.');
    expect(text).not.toContain('Next');
  });

  it('writes times and numbers in the viewer’s locale and zone', () => {
    const text = textOf(renderMarkup(<BreachList breaches={[breach({ lateMinutes: 1 })]} total={1} format={reportFormat('pl', 'Asia/Tokyo')} policyTitle={policyTitle} t={tIn('pl')} onOpenTicket={noop} offset={0} pageSize={50} onPage={noop} />));
    expect(text).toContain('2 mar 2026, 18:30');
    expect(text).toContain('1 minuta');
  });

  it('says how late in hours past two hours', () => {
    const text = textOf(renderMarkup(<BreachList breaches={[breach({ lateMinutes: 1983 })]} total={1} format={reportFormat('en', 'UTC')} policyTitle={policyTitle} t={tIn('en')} onOpenTicket={noop} offset={0} pageSize={50} onPage={noop} />));
    expect(text).toContain('33.1 hours');
  });

  it('says so when nothing breached', () => {
    expect(textOf(renderMarkup(<BreachList breaches={[]} total={0} format={reportFormat('en', 'UTC')} policyTitle={policyTitle} t={tIn('en')} onOpenTicket={noop} offset={0} pageSize={50} onPage={noop} />))).toBe('No breaches in this period.');
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))('renders in %s with every key translated', (locale) => {
    const format = reportFormat(locale, 'UTC');
    expect(() => renderMarkup(<BreachList breaches={[breach({ priority: null, lateMinutes: null })]} total={1} format={format} policyTitle={policyTitle} t={tIn(locale)} onOpenTicket={noop} offset={0} pageSize={50} onPage={noop} />)).not.toThrow();
    expect(() => renderMarkup(<PauseAuditTable agents={[{ assigneeId: null, pauses: 1, quickPauses: 1, quickPausesWithoutReply: 0, ticketsPausedRepeatedly: 0, pausedMinutes: 30 }]} quickMinutes={15} agentName={() => 'x'} format={format} t={tIn(locale)} />)).not.toThrow();
  });
});

describe('PauseAuditTable', () => {
  it('shows each agent’s pauses, quick ones, repeats and hours paused in the locale', () => {
    const agents = [{ assigneeId: '9', pauses: 1234, quickPauses: 3, quickPausesWithoutReply: 2, ticketsPausedRepeatedly: 1, pausedMinutes: 90 }];
    const text = textOf(renderMarkup(<PauseAuditTable agents={agents} quickMinutes={10} agentName={(id) => (id === '9' ? 'Ana Agent' : '?')} format={reportFormat('es', 'UTC')} t={tIn('es')} />));
    expect(text).toContain('En los 10 min tras una respuesta del cliente');
    expect(text).toContain('Ana Agent 1234 3 2 1 1,5');
  });
});
