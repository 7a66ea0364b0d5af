import { afterEach, describe, expect, it } from 'vitest';
import { channelAccess, channelNames, managerOnlyChannels } from '../../../shared/contract';
import type { ChannelName, ManagerStatus } from '../../../shared/contract';
import { createFakeServices, validRequests } from '../fixtures/fake-services';
import { createShellStack } from '../fixtures/shell-stack';
import type { ShellStack } from '../fixtures/shell-stack';

/**
 * Issue 6 "Roles": every manager-only channel is refused in cashier mode, in MAIN, whatever the
 * page sends; nothing is done and nothing is recorded. The role is main's own.
 */
let stack: ShellStack | undefined;
afterEach(() => stack?.dispose());

const clock = { t: 1_700_000_000_000, now: () => clock.t };

function fresh(): { stack: ShellStack; services: ReturnType<typeof createFakeServices> } {
  const services = createFakeServices();
  stack = createShellStack(services, clock);
  return { stack, services };
}

/** Everything a refused call could have touched: the engine, the audit log, the files. */
function footprint(s: ShellStack, services: ReturnType<typeof createFakeServices>): string {
  return JSON.stringify([
    services.calls.length,
    services.snapshot(),
    s.storeOps.audit.list({ afterSeq: 0, limit: 1000 }).events.length,
    s.settings.get(),
    s.printer.printed.length,
    s.dialogs.asked,
    s.storeOps.mode.status(),
  ]);
}

describe('manager-only channels, called in cashier mode', () => {
  it('are exactly the ones the access table names, and include every store-ops write', () => {
    expect(managerOnlyChannels.sort()).toEqual(
      channelNames.filter((c) => channelAccess[c] === 'manager').sort(),
    );
    for (const channel of [
      'settings.update',
      'credentials.set',
      'credentials.clear',
      'review.resolve',
      'audit.verify',
      'mode.switch',
      'integrity.confirm',
      'reports.exportCsv',
      'import.commit',
    ] as ChannelName[]) {
      expect(managerOnlyChannels).toContain(channel);
    }
  });

  it.each(managerOnlyChannels)(
    '%s is refused with not-manager, and nothing is done',
    async (channel) => {
      const { stack: s, services } = fresh();
      const before = footprint(s, services);
      const answer = await s.call(channel, validRequests[channel]);
      expect(answer).toEqual({
        ok: false,
        error: { code: 'not-manager', message: { ko: expect.any(String), en: expect.any(String) } },
      });
      expect(footprint(s, services)).toBe(before);
    },
  );

  it.each(managerOnlyChannels)(
    '%s is refused again after the manager logged out',
    async (channel) => {
      const { stack: s } = fresh();
      await s.becomeManager();
      expect(await s.call('manager.logout', {})).toMatchObject({
        ok: true,
        value: { role: 'cashier' },
      });
      expect(await s.call(channel, validRequests[channel])).toMatchObject({
        ok: false,
        error: { code: 'not-manager' },
      });
    },
  );

  it.each(channelNames.filter((c) => channelAccess[c] === 'anyone'))(
    '%s (anyone) is not refused for the role',
    async (channel) => {
      const { stack: s } = fresh();
      const answer = await s.call(channel, validRequests[channel]);
      expect(answer.ok ? 'ok' : answer.error.code).not.toBe('not-manager');
    },
  );
});

describe('the exceptions and the ways manager mode ends', () => {
  it('the cashier may switch the display language, and nothing else in the settings', async () => {
    const { stack: s } = fresh();
    expect(await s.call('settings.update', { language: 'en' })).toMatchObject({
      ok: true,
      value: { language: 'en' },
    });
    expect(
      await s.call('settings.update', { language: 'ko', limits: { cashierMaxAmount: 9_999_999 } }),
    ).toMatchObject({ ok: false, error: { code: 'not-manager' } });
    expect(s.settings.get()).toMatchObject({
      language: 'en',
      limits: { cashierMaxAmount: 300_000 },
    });
  });

  it('a page cannot claim a role: unknown keys are refused before anything runs', async () => {
    const { stack: s } = fresh();
    expect(
      await s.call('settings.update', { language: 'en', role: 'manager' } as unknown),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await s.call('manager.status', { role: 'manager' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('manager mode ends after 5 idle minutes; every manager call counts as activity', async () => {
    const { stack: s } = fresh();
    await s.becomeManager();
    clock.t += 4 * 60_000;
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
    clock.t += 4 * 60_000; // 8 minutes since login, 4 since the last manager call
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
    clock.t += 5 * 60_000;
    expect(await s.call('audit.verify', {})).toMatchObject({
      ok: false,
      error: { code: 'not-manager' },
    });
    const kinds = s.storeOps.audit.list({ afterSeq: 0, limit: 100 }).events.map((e) => e.kind);
    expect(kinds).toContain('manager.session_expired');
  });

  it.each(['lock-screen', 'suspend'] as const)(
    'manager mode ends when Windows reports %s, the page is told and the audit log says why',
    async (reason) => {
      const { stack: s } = fresh();
      const pushed: ManagerStatus[] = [];
      s.storeOps.subscribe((e) => {
        if (e.event === 'manager.changed') pushed.push(e.payload);
      });
      await s.becomeManager();
      s.storeOps.manager.logout(reason);
      expect(pushed.at(-1)).toMatchObject({ role: 'cashier', sessionExpiresAt: null });
      expect(await s.call('audit.list', {})).toMatchObject({
        ok: false,
        error: { code: 'not-manager' },
      });
      const logout = s.storeOps.audit
        .list({ afterSeq: 0, limit: 100 })
        .events.find((e) => e.kind === 'manager.logout');
      expect(JSON.parse(logout?.details ?? '{}')).toEqual({ reason });
    },
  );
});
