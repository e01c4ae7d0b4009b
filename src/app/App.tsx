import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import LoadingState from './components/LoadingState';
import { useTranslate } from './i18n/use-translate';
import TicketSidebar from './locations/ticket-sidebar/TicketSidebar';
import { useZafSession } from './zaf/use-zaf-client';
import type { ZafLocation } from './zaf/zaf-client';

// The admin page is its own chunk: the sidebar opens on every ticket and must stay small.
const AdminPage = lazy(() => import(/* webpackChunkName: "admin" */ './locations/admin/AdminPage'));

/** Which component each location of manifest.json shows (the scaffold's LOCATIONS map). */
export const LOCATIONS: Partial<Record<ZafLocation, ComponentType | LazyExoticComponent<ComponentType>>> = {
  ticket_sidebar: TicketSidebar,
  nav_bar: AdminPage,
};

export default function App() {
  const { context } = useZafSession();
  const { t } = useTranslate();
  const Location = LOCATIONS[context.location];
  if (!Location) throw new Error(`SLA Clock has no component for the "${context.location}" location`);
  return (
    <Suspense fallback={<LoadingState label={t('sidebar.loading')} />}>
      <Location />
    </Suspense>
  );
}
