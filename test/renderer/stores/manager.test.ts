import { describe, expect, it, vi } from 'vitest';
import { createManagerStore } from '../../../renderer/stores/manager';
import { errResult, fakePos, managerStatus, okResult } from '../fakePos';

function setup(handlers: Parameters<typeof fakePos>[0] = {}) {
  const fake = fakePos(handlers);
  const onManager = vi.fn();
  const onEnded = vi.fn();
  const store = createManagerStore({ pos: fake.pos, onManager, onEnded });
  return { fake, store, onManager, onEnded };
}

describe('manager store: mirrors main, never decides', () => {
  it('the first status is only mirrored (a reload in manager mode does not jump to the menu)', async () => {
    const { store, onManager } = setup({
      'manager.status': () => okResult(managerStatus({ role: 'manager' })),
    });
    await store.getState().load();
    expect(store.getState().status?.role).toBe('manager');
    expect(onManager).not.toHaveBeenCalled();
  });

  it('a PIN accepted by main opens the manager side; main ending it closes it and says so', async () => {
    const { store, onManager, onEnded } = setup({
      'manager.login': () => okResult(managerStatus({ role: 'manager' })),
    });
    await store.getState().load();
    await store.getState().open();
    expect(store.getState().dialog).toBe('pin');
    expect(await store.getState().login('4821')).toBe(true);
    expect(onManager).toHaveBeenCalledOnce();
    expect(store.getState().dialog).toBe('closed');
    store.getState().apply(managerStatus({ role: 'cashier' }));
    expect(onEnded).toHaveBeenCalledOnce();
    expect(store.getState().ended).toBe(true);
  });

  it("a refused PIN keeps the dialog, with main's refusal and main's fresh status", async () => {
    const { store, fake } = setup({
      'manager.login': () => errResult('wrong-pin', '틀렸습니다', 'wrong'),
    });
    fake.handle('manager.status', () => okResult(managerStatus({ triesLeft: 3 })));
    await store.getState().open();
    expect(await store.getState().login('1111')).toBe(false);
    expect(store.getState()).toMatchObject({
      dialog: 'pin',
      problem: { code: 'wrong-pin' },
      status: { triesLeft: 3 },
    });
    store.getState().clearProblem();
    expect(store.getState().problem).toBeNull();
  });

  it('logging out on purpose is not reported as "manager mode ended"', async () => {
    const { store, onEnded } = setup({
      'manager.status': () => okResult(managerStatus({ role: 'manager' })),
      'manager.logout': () => okResult(managerStatus({ role: 'cashier' })),
    });
    await store.getState().load();
    await store.getState().logout();
    expect(onEnded).toHaveBeenCalledOnce();
    expect(store.getState().ended).toBe(false);
  });

  it('in manager mode F10 goes to the menu without asking for the PIN', async () => {
    const { store, onManager, fake } = setup({
      'manager.status': () => okResult(managerStatus({ role: 'manager' })),
    });
    await store.getState().load();
    await store.getState().open();
    expect(onManager).toHaveBeenCalledOnce();
    expect(store.getState().dialog).toBe('closed');
    expect(fake.callsTo('manager.login')).toEqual([]);
  });
});
