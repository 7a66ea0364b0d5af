/**
 * The IPC contract (DESIGN.md "The shape"). Import from here, on both sides of the boundary.
 * docs/shell.md describes every channel.
 */
export { createPosApi } from './api';
export type { PosApi, PosCall, PosTransport } from './api';
export { NOT_MANAGER, channelAccess, managerOnlyChannels } from './access';
export type { ChannelAccess } from './access';
export { channelNames, channels, eventNames, events, isChannelName, isEventName } from './channels';
export type {
  ChannelInput,
  ChannelName,
  ChannelRequest,
  ChannelResponse,
  EventName,
  EventPayload,
} from './channels';
export {
  SHELL_ERROR,
  fieldErrorsFrom,
  invalidRequest,
  localizedTextSchema,
  posError,
  posErrorSchema,
  resultSchema,
} from './errors';
export type { LocalizedText, PosError, PosResult } from './errors';
export type { PosFieldError } from './kicc-fields';
export * from './models';
export * from './requests';
export { STORE_NAME_MAX, isPrintableText, isValidStoreName } from './settings-rules';
export * from './manager-models';
export * from './manager-requests';
export * from './review-models';
export * from './review-requests';
export * from './counter-models';
export * from './counter-requests';
