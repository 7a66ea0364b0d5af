import { channelAccess } from '../../shared/contract';
import type { ChannelName, ChannelRequest } from '../../shared/contract';
import { storeOpsErrors } from '../store-ops/errors';
import type { HandlerTable } from './handlers';

/**
 * Who may call what, enforced in MAIN (issue 6 "Roles"; shared/contract/access.ts is the table).
 * The role is main's own (../store-ops/manager-role.ts): nothing the page sends can say "I am
 * the manager". A manager channel called outside manager mode answers `not-manager` and its
 * handler never runs; in manager mode the call counts as activity (pushes the idle end back).
 */
export interface RoleCheck {
  isManager(): boolean;
  touch(): void;
}

/**
 * The one exception (docs/shell.md "Manager channels"): the cashier's display language is the
 * cashier's own; a settings.update that changes ONLY `language` is anyone's.
 */
export function needsManager<C extends ChannelName>(
  channel: C,
  request: ChannelRequest<C>,
): boolean {
  if (channelAccess[channel] !== 'manager') return false;
  if (channel === 'settings.update') {
    const keys = Object.keys(request as ChannelRequest<'settings.update'>);
    return !(keys.length === 1 && keys[0] === 'language');
  }
  return true;
}

export function guardRoles(handlers: HandlerTable, role: RoleCheck): HandlerTable {
  const guarded: Partial<Record<ChannelName, (request: never) => Promise<unknown>>> = {};
  for (const channel of Object.keys(handlers) as ChannelName[]) {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    guarded[channel] = async (request: never) => {
      if (needsManager(channel, request)) {
        if (!role.isManager()) return { ok: false, error: storeOpsErrors.notManager() };
        role.touch();
      }
      return handler(request);
    };
  }
  return guarded as HandlerTable;
}
