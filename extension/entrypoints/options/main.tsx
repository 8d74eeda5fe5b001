// Mounts the options page.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../ui/components/OptionsPage.tsx';
import { t } from '../../i18n/t.ts';
import '../../ui/components/page.css';

document.title = t('optionsTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<OptionsPage />, document.getElementById('app')!);
