import { useState } from 'react';
import { Tabs } from '@zendeskgarden/react-tabs';
import { Paragraph, XXL } from '@zendeskgarden/react-typography';
import { useTranslate } from '../../i18n/use-translate';
import NotificationsTab from './notifications/NotificationsTab';
import PoliciesTab from './policies/PoliciesTab';
import ReportsTab from './reports/ReportsTab';
import SchedulesTab from './schedules/SchedulesTab';

export const ADMIN_SECTIONS = ['policies', 'schedules', 'notifications', 'reports'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The editor of each section; a section without one shows only its description. */
const SECTION_EDITORS: Partial<Record<AdminSection, () => JSX.Element>> = {
  policies: PoliciesTab,
  schedules: SchedulesTab,
  notifications: NotificationsTab,
  reports: ReportsTab,
};

/**
 * The admin page (nav_bar): one tab per section. Each panel says what the section is for, then its editor (issue #5).
 * A separate chunk: agents on tickets never download it.
 */
export default function AdminPage() {
  const { t } = useTranslate();
  const [selected, setSelected] = useState<AdminSection>('policies');
  return (
    <main style={{ padding: 24 }}>
      <XXL tag="h1">{t('admin.heading')}</XXL>
      <Tabs selectedItem={selected} onChange={(item: AdminSection) => setSelected(item)}>
        <Tabs.TabList aria-label={t('admin.tabs.label')}>
          {ADMIN_SECTIONS.map((section) => (
            <Tabs.Tab key={section} item={section}>
              {t(`admin.tabs.${section}`)}
            </Tabs.Tab>
          ))}
        </Tabs.TabList>
        {ADMIN_SECTIONS.map((section) => (
          <Tabs.TabPanel key={section} item={section}>
            <Paragraph style={{ marginBottom: 16 }}>{t(`admin.sections.${section}`)}</Paragraph>
            {/* Only the open tab's editor is mounted: each loads its own data when shown. */}
            {section === selected && SECTION_EDITORS[section] && <SectionEditor section={section} />}
          </Tabs.TabPanel>
        ))}
      </Tabs>
    </main>
  );
}

function SectionEditor({ section }: { readonly section: AdminSection }) {
  const Editor = SECTION_EDITORS[section];
  return Editor ? <Editor /> : null;
}
