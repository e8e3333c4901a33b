// @vkid/sdk 2.6.7 in headless Chromium against the Sferum emulator: the new-tab and new-window modes (callback).
import puppeteer from 'puppeteer-core';
import assert from 'node:assert/strict';

const emulatorPort = process.env.EMULATOR_TLS_PORT ?? '8443';
const app = process.env.APP ?? 'http://127.0.0.1:8500';
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // No certificate check is switched off: the emulator runs with --tls-names id.vk.ru,api.vk.ru and Chromium trusts
  // the certificate it exported (--export-cert), imported into the NSS database of $HOME (docs/testkit.md, 7).
  args: ['--no-sandbox',
    `--host-resolver-rules=MAP id.vk.ru 127.0.0.1:${emulatorPort}, MAP api.vk.ru 127.0.0.1:${emulatorPort}`],
});
const text = async (url) => { const p = await browser.newPage(); await p.goto(url); const t = await p.evaluate(() => document.body.innerText); await p.close(); return t; };
// The control API answers only to a loopback Host (against DNS rebinding), so it is reached as 127.0.0.1, which
// the certificate names too.
const control = `https://127.0.0.1:${emulatorPort}/_emulator`;
const demo = JSON.parse(await text(`${control}/demo`));
const teacher = demo.users.find((u) => u.label === 'teacher');

async function step(tab, action, fields = {}) {
  for (const [name, value] of Object.entries(fields)) await tab.type(`input[name="${name}"]`, value);
  await Promise.all([tab.waitForNavigation().catch(() => null), tab.click(`button[value="${action}"]`)]);
}

for (const mode of ['new_tab', 'new_window']) {
  const page = await browser.newPage();
  const failures = [];
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failures.push(`${r.url()} ${r.status()}`); });
  const background = [];
  page.on('requestfinished', (r) => { if (/vkid_sdk_get_config|stat_events_vkid_sdk/.test(r.url())) background.push(r.url()); });
  await page.goto(`${app}/index.html`);
  const opened = new Promise((resolve) => browser.once('targetcreated', (t) => resolve(t.page())));
  await page.click(mode === 'new_tab' ? '#login-tab' : '#login-window');
  const tab = await opened;
  await tab.waitForSelector('input[name="phone"]');
  assert.ok(tab.url().startsWith('https://id.vk.ru/authorize?') && tab.url().includes('origin='), tab.url());
  await step(tab, 'phone', { phone: teacher.phone });
  await step(tab, 'password', { password: demo.password });
  const sms = JSON.parse(await text(`${control}/sms?phone=${encodeURIComponent(teacher.phone)}`));
  await step(tab, 'sms_code', { sms_code: sms.code });
  await step(tab, 'continue_in_profile');
  await tab.click('button[value="confirm"]');
  await page.waitForFunction(() => window.result !== null, { timeout: 15000 });
  const result = await page.evaluate(() => window.result);
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(result.user_id, teacher.id);
  assert.equal(result.info.user.last_name, teacher.last_name);
  assert.deepEqual(failures, [], 'no failed request on the app page (CORS included)');
  console.log(`@vkid/sdk ${mode}: ${background.length} background SDK requests answered; Auth.login() resolved (type ${result.payload.type}), exchangeCode and userInfo OK`);
  await page.close();
}
await browser.close();
