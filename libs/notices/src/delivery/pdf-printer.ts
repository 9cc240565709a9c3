/** Debian's Chromium, never a downloaded one; absent, letters go out as HTML only. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, offline, no first-run or update chatter: the browser only prints. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
