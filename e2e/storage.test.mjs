// e2e/storage.test.mjs: autosave under trouble: storage that refuses writes shows a banner with a working backup download (no crash), and a second tab saving another plan is announced.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { appSession, kpiTexts, pollUntil, problemList, screenshot, tid, typeInto, waitForApp } from './lib.mjs';

const { withApp, siteUrl } = appSession();

test('full storage: a banner offers the backup, the app keeps working', async () => {
  // Every write fails as when the quota is used up.
  const beforeLoad = (session) =>
    session.context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      };
    });
  await withApp(async (page, session) => {
    await page.waitForSelector(tid('storage-banner'));
    assert.match(await page.textContent(tid('storage-banner')), /存储空间已满/);
    const before = await kpiTexts(page);
    await typeInto(page, 'reward-per-install', '4');
    await pollUntil(() => kpiTexts(page), (now) => now['kpi-total-cost'] !== before['kpi-total-cost']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('storage-backup'))]);
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.format_version, 1);
    assert.ok(saved.rewards.every((reward) => reward.yuan_per_install === 4), 'the backup holds the latest edit');
    await screenshot(page, 'storage-full');
    assert.equal(await page.$(tid('fatal-error')), null);
    assert.deepEqual(problemList(session.problems), []);
  }, { beforeLoad });
});

test('two tabs on one plan: the other tab is told when this one saves a different plan', async () => {
  await withApp(async (first, session) => {
    const second = await session.context.newPage();
    await second.goto(siteUrl(), { waitUntil: 'load' });
    await waitForApp(second);
    assert.equal(await first.$(tid('other-tab-notice')), null, 'the same plan in both tabs is no conflict');
    await typeInto(second, 'reward-per-install', '8');
    await first.waitForSelector(tid('other-tab-notice'), { timeout: 10_000 });
    assert.match(await first.textContent(tid('other-tab-notice')), /另一个标签页/);
    assert.equal(await second.$(tid('other-tab-notice')), null, 'the tab that saved is not warned about itself');
    assert.deepEqual(problemList(session.problems), []);
  });
});
