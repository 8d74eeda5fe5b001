// The port the toolbar popup holds open while it is shown, named after the window it belongs to: the
// background learns which window is in front of the person, and when the popup closes (the port drops).
export const POPUP_PORT_PREFIX = 'popup-window:';

export function popupPortName(windowId: number): string {
  return `${POPUP_PORT_PREFIX}${windowId}`;
}

/** The popup's window, or null for any other port (or a malformed name). */
export function popupWindowOf(portName: string): number | null {
  if (!portName.startsWith(POPUP_PORT_PREFIX)) return null;
  const text = portName.slice(POPUP_PORT_PREFIX.length);
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}
