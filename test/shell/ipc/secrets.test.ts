import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/contract';
import type { ChannelName } from '../../../shared/contract';
import { createFakeServices, validRequests } from '../fixtures/fake-services';
import { createRealStack } from '../fixtures/real-stack';
import { createShellStack } from '../fixtures/shell-stack';
import type { ShellStack } from '../fixtures/shell-stack';

/**
 * Issue 4: "no channel ever returns the secret key or channel id (a test sets known secrets,
 * calls every channel, and searches every reply)". Replies are searched as JSON, and also for
 * the secrets' base64 and reversed forms, in case something encodes them on the way.
 */
const CHANNEL_ID = 'KNOWN-CHANNEL-ID-7f3a9c';
const SECRET_KEY = 'KNOWN-SECRET-KEY-4b8e2d1f6a';

const forms = (secret: string) => [
  secret,
  Buffer.from(secret).toString('base64'),
  [...secret].reverse().join(''),
];

let stack: ShellStack | undefined;
afterEach(() => stack?.dispose());

/** Valid calls, plus invalid ones that CARRY the secrets, so an echo would show. */
const probes = (channel: ChannelName): unknown[] => [
  validRequests[channel],
  { ...(validRequests[channel] as object), secretKey: SECRET_KEY, channelId: CHANNEL_ID },
  { query: SECRET_KEY, by: 'number', reason: CHANNEL_ID },
  SECRET_KEY,
  { channelId: CHANNEL_ID, secretKey: `${SECRET_KEY} with a space` },
  { channelId: `${CHANNEL_ID}한글`, secretKey: SECRET_KEY },
];

/** Channels that end manager mode or change the PIN: asked last. */
const LAST: readonly ChannelName[] = ['manager.changePin', 'manager.logout'];

async function askEverything(stack: ShellStack): Promise<string[]> {
  // credentials are the manager's to set (issue 6): every channel is asked in manager mode
  await stack.becomeManager();
  const set = await stack.call('credentials.set', { channelId: CHANNEL_ID, secretKey: SECRET_KEY });
  expect(set).toMatchObject({ ok: true, value: { set: true } });

  const replies: string[] = [JSON.stringify(set)];
  for (const channel of channelNames) {
    if (channel === 'credentials.clear' || channel === 'credentials.set') continue;
    if (LAST.includes(channel)) continue;
    await stack.becomeManager();
    for (const payload of probes(channel)) {
      replies.push(JSON.stringify(await stack.call(channel, payload)));
    }
  }
  // the write-only channels last, so the secrets stayed stored while everything was asked
  await stack.becomeManager();
  for (const payload of probes('credentials.set')) {
    if (payload === validRequests['credentials.set']) continue;
    replies.push(JSON.stringify(await stack.call('credentials.set', payload)));
  }
  const cleared = await stack.call('credentials.clear', {});
  expect(cleared).toMatchObject({ ok: true, value: { set: false } });
  replies.push(JSON.stringify(cleared));
  for (const channel of LAST) {
    for (const payload of probes(channel)) {
      replies.push(JSON.stringify(await stack.call(channel, payload)));
    }
  }
  return replies;
}

function expectNoSecrets(replies: string[]): void {
  expect(replies.length).toBeGreaterThan(channelNames.length * 5);
  for (const reply of replies) {
    for (const form of [...forms(CHANNEL_ID), ...forms(SECRET_KEY)]) {
      expect(reply).not.toContain(form);
    }
  }
}

describe('secrets never leave main', () => {
  it('no reply of any channel contains the stored channel id or secret key', async () => {
    stack = createShellStack(createFakeServices());
    expectNoSecrets(await askEverything(stack));
  });

  it('nor with the real engine in training mode', async () => {
    const real = await createRealStack();
    try {
      expectNoSecrets(await askEverything(real));
    } finally {
      await real.close();
    }
  });

  it('keeps no plain copy on disk: the credentials file holds ciphertext only', async () => {
    stack = createShellStack(createFakeServices());
    await stack.becomeManager();
    expect(
      await stack.call('credentials.set', { channelId: CHANNEL_ID, secretKey: SECRET_KEY }),
    ).toMatchObject({ ok: true });
    for (const name of readdirSync(stack.dataDir)) {
      const text = readFileSync(join(stack.dataDir, name), 'utf8');
      for (const form of [...forms(CHANNEL_ID), ...forms(SECRET_KEY)]) {
        expect(text).not.toContain(form);
      }
    }
  });

  it('says whether credentials are set, and nothing about them', async () => {
    stack = createShellStack(createFakeServices());
    expect(await stack.call('credentials.status', {})).toMatchObject({
      ok: true,
      value: { set: false },
    });
    await stack.becomeManager();
    await stack.call('credentials.set', { channelId: CHANNEL_ID, secretKey: SECRET_KEY });
    const status = await stack.call('credentials.status', {});
    expect(status).toEqual({
      ok: true,
      value: {
        set: true,
        encryptionAvailable: true,
        updatedAt: 1_700_000_000_000,
        modeAfterRestart: 'training', // no https API address and merchant ids yet
      },
    });
  });
});

/**
 * Issue 11 finding 9 (second half), as the attack: a SecretKey of one character was accepted,
 * and an HMAC key that short is found by trying. Refused before anything is stored.
 */
describe('finding 9: secret keys of a sane minimum length', () => {
  it.each([
    ['a one-character secret key', { channelId: CHANNEL_ID, secretKey: 'k' }],
    ['a 15-character secret key', { channelId: CHANNEL_ID, secretKey: 'k'.repeat(15) }],
    ['a 5-character channel id', { channelId: 'CH-01', secretKey: SECRET_KEY }],
  ])('refuses %s, and stores nothing', async (_name, payload) => {
    stack = createShellStack(createFakeServices());
    await stack.becomeManager();
    const answer = await stack.call('credentials.set', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await stack.call('credentials.status', {})).toMatchObject({
      ok: true,
      value: { set: false },
    });
  });

  it('takes 16 characters and a 6-character channel id', async () => {
    stack = createShellStack(createFakeServices());
    await stack.becomeManager();
    expect(
      await stack.call('credentials.set', { channelId: 'CH-001', secretKey: 'k'.repeat(16) }),
    ).toMatchObject({ ok: true, value: { set: true } });
  });
});
