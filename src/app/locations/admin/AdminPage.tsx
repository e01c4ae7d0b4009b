import { useState } from 'react';
import { Tabs } from '@zendeskgarden/react-tabs';
import { Paragraph, XXL } from '@zendeskgarden/react-typography';
import { useTranslate } from '../../i18n/use-translate';

export const ADMIN_SECTIONS = ['policies', 'schedules', 'notifications', 'reports'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/**
 * The admin page (nav_bar): one tab per section. Each panel says what the section is for; the editors arrive with
 * the core's policy and schedule types (issue #5). A separate chunk: agents on tickets never download it.
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
            <Paragraph>{t(`admin.sections.${section}`)}</Paragraph>
          </Tabs.TabPanel>
        ))}
      </Tabs>
    </main>
  );
}
