// Mounts the side panel (Chrome side panel, Firefox sidebar).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { SidePanel } from '../../ui/components/SidePanel.tsx';
import { t } from '../../i18n/t.ts';
import '../../ui/components/page.css';
import '../../ui/components/sidepanel.css';

z.config({ jitless: true });
document.title = t('notesTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<SidePanel />, document.getElementById('app')!);
