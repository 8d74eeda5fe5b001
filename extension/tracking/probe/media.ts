// Whether audible video or audio plays in the page. Muted media does not count: autoplaying banners and
// background loops are muted (browsers only autoplay muted media), lectures are not.

export function audibleMediaPlaying(root: ParentNode): boolean {
  for (const element of root.querySelectorAll<HTMLMediaElement>('video, audio')) {
    if (!element.paused && !element.ended && !element.muted && element.volume > 0) return true;
  }
  return false;
}

/** Media events worth a fresh look; they do not bubble, so they are caught on the way down. */
export const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'volumechange', 'emptied', 'abort'] as const;
