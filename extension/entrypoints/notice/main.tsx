// Mounts the first-run notice: what is recorded, who can see it, how to pause, how long it is kept.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { NoticePage } from '../../ui/components/NoticePage.tsx';
import { t } from '../../i18n/t.ts';
import '../../ui/components/page.css';

document.title = t('noticeTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<NoticePage />, document.getElementById('app')!);
