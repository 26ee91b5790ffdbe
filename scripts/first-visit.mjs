/**
 * A new tab for the benchmarks, as a first visit (the cache off), and with `phone`, as a mid-range
 * phone: 4x slower CPU, 150 ms round trips, 1.6 Mbps down and 750 kbps up (Chrome DevTools'
 * throttling, through puppeteer-core's CDP session).
 */
export const firstVisit = async (browser, { phone = false } = {}) => {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (phone) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  return page;
};
