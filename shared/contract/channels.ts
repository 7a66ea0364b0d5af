import { z } from 'zod';
import {
  appInfoSchema,
  cancellationSchema,
  connectivitySchema,
  credentialsStatusSchema,
  queueSummarySchema,
  receiptSchema,
  settingsSchema,
} from './models';
import {
  auditListResultSchema,
  auditVerificationSchema,
  connectionTestSchema,
  csvExportResultSchema,
  importCancelResultSchema,
  importCommitResultSchema,
  importPreviewResultSchema,
  importProgressSchema,
  integrityStatusSchema,
  managerNewPinSchema,
  managerStatusSchema,
  modeStatusSchema,
  printResultSchema,
  reportSchema,
  restartResultSchema,
  slipSchema,
} from './manager-models';
import { reviewDetailSchema } from './review-models';
import { reviewReopenSchema, reviewResolveSchema } from './review-requests';
import {
  auditListSchema,
  auditVerifySchema,
  endOfDaySchema,
  importCommitSchema,
  integrityConfirmSchema,
  managerChangePinSchema,
  managerLoginSchema,
  managerSetupPinSchema,
  modeSwitchSchema,
  reportDaySchema,
  reportExportSchema,
  reportRangeSchema,
  slipRequestSchema,
} from './manager-requests';
import {
  backupFolderSchema,
  receiptCorrectionSchema,
  settlementDismissSchema,
  testPrintSchema,
} from './counter-requests';
import {
  backupResultSchema,
  backupStatusSchema,
  printerListSchema,
  quitAnswerSchema,
  quitWarningSchema,
  settledNoticeSchema,
  settledNoticesSchema,
} from './counter-models';
import {
  byIdSchema,
  cancellationChannelRequestSchema,
  cancellationListSchema,
  credentialsSetSchema,
  emptyRequestSchema,
  receiptAddSchema,
  receiptLookupSchema,
  retryNowSchema,
  settingsPatchSchema,
} from './requests';

/**
 * THE contract between the page and the main process (DESIGN.md "The shape"). Every channel's
 * name, what the page may send (request) and what main answers inside a Result (response).
 * Types below are inferred from it: there is no second, hand-written copy.
 *
 * Names are `group.method`; the page calls them as `window.pos.group.method(request)`.
 */
export const channels = {
  'app.info': { request: emptyRequestSchema, response: appInfoSchema },

  'receipts.lookup': {
    request: receiptLookupSchema,
    response: z.object({ receipts: z.array(receiptSchema) }),
  },
  'receipts.add': { request: receiptAddSchema, response: receiptSchema },

  /** `managerPin`: over the cashier's limit, the manager types the PIN on this screen */
  'cancellations.request': {
    request: cancellationChannelRequestSchema,
    response: cancellationSchema,
  },
  'cancellations.get': { request: byIdSchema, response: cancellationSchema },
  'cancellations.list': {
    request: cancellationListSchema,
    response: z.object({
      items: z.array(cancellationSchema),
      total: z.number().int().nonnegative(),
    }),
  },

  'queue.status': {
    request: emptyRequestSchema,
    response: z.object({ summary: queueSummarySchema, items: z.array(cancellationSchema) }),
  },
  'queue.retryNow': { request: retryNowSchema, response: queueSummarySchema },

  'settings.get': { request: emptyRequestSchema, response: settingsSchema },
  'settings.update': { request: settingsPatchSchema, response: settingsSchema },

  'credentials.status': { request: emptyRequestSchema, response: credentialsStatusSchema },
  'credentials.set': { request: credentialsSetSchema, response: credentialsStatusSchema },
  'credentials.clear': { request: emptyRequestSchema, response: credentialsStatusSchema },

  // ---- the store's manager functions (issue 6; docs/shell.md "Manager channels") ----------
  'manager.status': { request: emptyRequestSchema, response: managerStatusSchema },
  'manager.setupPin': { request: managerSetupPinSchema, response: managerNewPinSchema },
  'manager.login': { request: managerLoginSchema, response: managerStatusSchema },
  'manager.logout': { request: emptyRequestSchema, response: managerStatusSchema },
  'manager.changePin': { request: managerChangePinSchema, response: managerNewPinSchema },

  'review.get': { request: byIdSchema, response: reviewDetailSchema },
  'review.resolve': { request: reviewResolveSchema, response: cancellationSchema },
  /** a manager's resolution back to needs_review (docs/manager.md "Reopening a resolution") */
  'review.reopen': { request: reviewReopenSchema, response: cancellationSchema },

  'audit.verify': { request: auditVerifySchema, response: auditVerificationSchema },
  'audit.list': { request: auditListSchema, response: auditListResultSchema },

  'connection.test': { request: emptyRequestSchema, response: connectionTestSchema },
  'mode.status': { request: emptyRequestSchema, response: modeStatusSchema },
  'mode.switch': { request: modeSwitchSchema, response: modeStatusSchema },
  'app.restart': { request: emptyRequestSchema, response: restartResultSchema },
  'integrity.status': { request: emptyRequestSchema, response: integrityStatusSchema },
  'integrity.confirm': { request: integrityConfirmSchema, response: integrityStatusSchema },

  'reports.day': { request: reportDaySchema, response: reportSchema },
  'reports.range': { request: reportRangeSchema, response: reportSchema },
  'reports.exportCsv': { request: reportExportSchema, response: csvExportResultSchema },
  'reports.endOfDay': { request: endOfDaySchema, response: slipSchema },
  'reports.printEndOfDay': { request: endOfDaySchema, response: printResultSchema },

  'slips.get': { request: slipRequestSchema, response: slipSchema },
  'slips.print': { request: slipRequestSchema, response: printResultSchema },

  'import.preview': { request: emptyRequestSchema, response: importPreviewResultSchema },
  'import.commit': { request: importCommitSchema, response: importCommitResultSchema },
  /** stops a running import.preview: the worker is ended, and the preview answers `cancelled` */
  'import.cancel': { request: emptyRequestSchema, response: importCancelResultSchema },

  // ---- the counter's day (issue 12; docs/shell.md "Counter channels") --------------------
  /** a manager corrects a PAPER receipt's amounts before cancelling it (audited) */
  'receipts.correctAmounts': { request: receiptCorrectionSchema, response: receiptSchema },
  'printers.list': { request: emptyRequestSchema, response: printerListSchema },
  'printers.testPrint': { request: testPrintSchema, response: printResultSchema },
  /** cancellations that settled while the cashier waited, not yet seen */
  'settlements.list': { request: emptyRequestSchema, response: settledNoticesSchema },
  'settlements.dismiss': { request: settlementDismissSchema, response: settledNoticesSchema },
  /** the person confirmed closing the app although cancellations are not final */
  'app.quit': { request: emptyRequestSchema, response: quitAnswerSchema },
  'backup.status': { request: emptyRequestSchema, response: backupStatusSchema },
  'backup.folder': { request: backupFolderSchema, response: backupStatusSchema },
  'backup.run': { request: emptyRequestSchema, response: backupResultSchema },
} as const;

/** Pushed from main to the page; the page only listens. */
export const events = {
  'cancellation.updated': cancellationSchema,
  'queue.summary': queueSummarySchema,
  'connectivity.changed': connectivitySchema,
  /** manager mode began or ended (login, logout, idle timeout, lock screen), or the PIN changed */
  'manager.changed': managerStatusSchema,
  /** an import.preview is running: rows read, then rows compared with the ledger */
  'import.progress': importProgressSchema,
  /** a cancellation the cashier was waiting for became final (issue 12) */
  'cancellation.settled': settledNoticeSchema,
  /** the window is being closed while cancellations are unresolved: ask, then `app.quit` */
  'app.quitRequested': quitWarningSchema,
  /** a backup ended (at the end-of-day close, or asked for) */
  'backup.finished': backupResultSchema,
} as const;

export type ChannelName = keyof typeof channels;
export type EventName = keyof typeof events;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** What the page passes (before defaults are applied). */
export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;
/** What the main-process handler receives (validated, defaults applied). */
export type ChannelRequest<C extends ChannelName> = z.output<(typeof channels)[C]['request']>;
/** The value inside an ok Result. */
export type ChannelResponse<C extends ChannelName> = z.infer<(typeof channels)[C]['response']>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
