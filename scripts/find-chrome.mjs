import { existsSync } from 'node:fs';

/**
 * Where Chrome or Chromium is on this machine: `CHROME_PATH` first, then the usual places.
 * Tests run in a real browser, and we never download one.
 */
const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian's binary, without the wrapper's noise
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const findChrome = () => {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Chrome or Chromium found. The tests run in a real browser; get one and run again:',
      '  Debian/Ubuntu: sudo apt-get install -y chromium',
      '  macOS: install Google Chrome from google.com/chrome',
      '  or point CHROME_PATH at any Chrome/Chromium binary: CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
};

/** Flags for a headless Chromium that starts fast, stays off the network, and works as root. */
export const chromeArgs = () => [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
