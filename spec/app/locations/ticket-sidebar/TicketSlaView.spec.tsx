import { ThemeProvider } from '@zendeskgarden/react-theming';
import { renderToStaticMarkup } from 'react-dom/server';
import { translationFor } from '../../../../src/app/i18n/TranslationProvider';
import TicketSlaView from '../../../../src/app/locations/ticket-sidebar/TicketSlaView';
import type { LoadState } from '../../../../src/app/load-state';
import type { TicketSlaSummary } from '../../../../src/app/sla-server/ticket-sla';

/** The text an agent reads, in document order (markup stripped). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

const render = (sla: LoadState<TicketSlaSummary>, options: { locale?: 'en' | 'ja' | 'pl'; ticketId?: number | null; retryInSeconds?: number | null } = {}) =>
  textOf(
    renderToStaticMarkup(
      <ThemeProvider>
        <TicketSlaView
        t={translationFor(options.locale ?? 'en', 'throw').t}
        ticketId={options.ticketId === undefined ? 42 : options.ticketId}
        sla={sla}
        retryInSeconds={options.retryInSeconds ?? null}
        onRetry={() => undefined}
        />
      </ThemeProvider>,
    ),
  );

describe('TicketSlaView', () => {
  it('shows the ticket and that the SLA is loading', () => {
    expect(render({ status: 'loading' })).toBe('Ticket #42 Loading SLA…');
  });

  it('waits for the ticket id without inventing one', () => {
    expect(render({ status: 'loading' }, { ticketId: null })).toBe('Loading SLA…');
  });

  it('names the policy that applies, or says none does', () => {
    expect(render({ status: 'ready', value: { policy: { title: 'Gold' } } })).toBe('Ticket #42 Policy: Gold');
    expect(render({ status: 'ready', value: { policy: null } })).toBe('Ticket #42 No SLA policy applies to this ticket.');
  });

  it('says the server cannot be reached and when it retries, in Polish plural forms', () => {
    const down: LoadState<TicketSlaSummary> = { status: 'failed', error: { kind: 'unreachable', detail: 'status 502' } };
    expect(render(down, { locale: 'pl', retryInSeconds: 2 })).toBe(
      'Zgłoszenie #42 Nie można połączyć się z serwerem SLA. Ponowna próba za 2 sekundy… Spróbuj teraz',
    );
    expect(render(down, { locale: 'pl', retryInSeconds: 5 })).toContain('Ponowna próba za 5 sekund…');
  });

  it('words an HTTP failure with its status, in Japanese', () => {
    expect(render({ status: 'failed', error: { kind: 'http', status: 500 } }, { locale: 'ja' })).toBe(
      'チケット #42 SLA サーバーがステータス 500 を返しました。 今すぐ再試行',
    );
  });
});
