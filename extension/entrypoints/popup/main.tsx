// Mounts the toolbar popup.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupPanel } from '../../ui/components/PopupPanel.tsx';
import { t } from '../../i18n/t.ts';
import '../../ui/components/page.css';

document.title = t('extName');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<PopupPanel />, document.getElementById('app')!);
