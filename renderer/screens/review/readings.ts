import type { ReviewDetail } from '../../../shared/contract/review-models';
import type { Translate } from '../../i18n/translate';

type ExchangeRead = ReviewDetail['record']['exchanges'][number];

/**
 * One exchange in the manager's words (main reads it: electron/store-ops/review-record.ts): what
 * KICC's answer means for the customer's money, never a raw "class · code".
 */
export const readingWords = (t: Translate, read: ExchangeRead): string =>
  t(
    `review.reading.${read.reading}`,
    read.cause === null ? undefined : { cause: t(`review.cause.${read.cause}`) },
  );
