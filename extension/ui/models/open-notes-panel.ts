// Opens the notes side panel from a click in the popup (both browsers require the click's gesture).
import { browser } from 'wxt/browser';

export async function openNotesPanel(): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(options: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (api.sidebarAction) {
    await api.sidebarAction.open();
  } else if (api.sidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await api.sidePanel.open({ windowId: win.id });
  }
  window.close();
}
