// The tracking probe's entry: registered at run time for designated pages only (content/registration.ts),
// never through the manifest.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser, type Browser } from 'wxt/browser';
import { startTrackingProbe } from '../tracking/probe/tracking-probe.ts';
import { createPresencePrompt } from '../tracking/probe/presence-prompt.ts';
import { isProbeRequest } from '../tracking/probe-protocol.ts';
import { t } from '../i18n/t.ts';

// Injected both by registration and into pages already open: the second copy must do nothing.
const RUNNING = Symbol.for('studytrail.tracking-probe');

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const scope = globalThis as { [RUNNING]?: boolean };
    if (scope[RUNNING]) return;
    scope[RUNNING] = true;

    const send = (message: unknown) => void browser.runtime.sendMessage(message).catch(() => undefined);
    const prompt = createPresencePrompt(document, { question: t('presenceQuestion'), answer: t('presenceAnswer') }, () =>
      send({ type: 'presenceConfirmed' }),
    );
    const probe = startTrackingProbe({ window, send, prompt });
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      // Only the background (no tab) of this extension gives the probe orders.
      if (sender.id === browser.runtime.id && sender.tab === undefined && isProbeRequest(message)) probe.receive(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      probe.stop();
      browser.runtime.onMessage.removeListener(onMessage);
      scope[RUNNING] = false;
    });
  },
});
