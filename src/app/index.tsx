import { ThemeProvider } from '@zendeskgarden/react-theming';
import { Settings } from 'luxon';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import OutsideZendesk from './components/OutsideZendesk';
import TranslationProvider from './i18n/TranslationProvider';
import ZafClientProvider from './zaf/ZafClientProvider';

declare module 'luxon' {
  interface TSSettings {
    throwOnInvalid: true;
  }
}

// An invalid DateTime is a bug, not a value: fail where it is made. Never the browser's zone by accident: every
// date the app shows is converted to the agent's Zendesk time zone explicitly.
Settings.throwOnInvalid = true;
Settings.defaultZone = 'utc';

const root = document.getElementById('root');
if (!root) throw new Error('assets/iframe.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ThemeProvider>
      <ZafClientProvider outsideZendesk={<OutsideZendesk />}>
        <TranslationProvider>
          <App />
        </TranslationProvider>
      </ZafClientProvider>
    </ThemeProvider>
  </StrictMode>,
);
