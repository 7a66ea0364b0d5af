import type { CardIssuer } from './card-issuers';
import { CARD_ISSUERS } from './card-issuers';
import type { Prng } from './prng';

/**
 * The numbers KICC hands out, generated from the seeded PRNG (./prng.ts) so a seed always gives
 * the same ones. Shapes follow the seed page's response table: aprvNo (10 bytes; card approval
 * numbers are 8 digits in Korea), vanTrxNo (12 bytes), joShopNo (15 bytes; 10 digits here),
 * cardConfirmNo (the masked card number, "1234-56**-****-1234" in the seed example).
 */
export interface IssuedCard {
  issuer: CardIssuer;
  cardConfirmNo: string;
}

export interface TransactionNumbers {
  /** 8 digits, unique within this simulator */
  approvalNo(): string;
  /** 12 digits, unique within this simulator */
  vanTrxNo(): string;
  /** a card of the given issuer, or of one picked at random */
  card(issFmCd?: string): IssuedCard;
  /** the store's merchant number at a card company: one per issuer, stable for the run */
  joShopNo(issFmCd: string): string;
}

/** Digits after the BIN are masked, the last four shown: the format of Korean card slips. */
function maskCard(bin: string, last4: string): string {
  return `${bin.slice(0, 4)}-${bin.slice(4, 6)}**-****-${last4}`;
}

export function createTransactionNumbers(prng: Prng): TransactionNumbers {
  const approvalNos = new Set<string>();
  const vanTrxNos = new Set<string>();
  const joShopNos = new Map<string, string>();

  const unique = (used: Set<string>, make: () => string): string => {
    for (;;) {
      const candidate = make();
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };

  return {
    // A leading non-zero digit: slips and spreadsheets drop leading zeros, staff retype them.
    approvalNo: () => unique(approvalNos, () => String(prng.int(1, 9)) + prng.digits(7)),
    vanTrxNo: () => unique(vanTrxNos, () => String(prng.int(1, 9)) + prng.digits(11)),
    card(issFmCd?: string): IssuedCard {
      const issuer =
        CARD_ISSUERS.find((card) => card.issFmCd === issFmCd) ?? prng.pick(CARD_ISSUERS);
      return { issuer, cardConfirmNo: maskCard(prng.pick(issuer.bins), prng.digits(4)) };
    },
    joShopNo(issFmCd: string): string {
      const known = joShopNos.get(issFmCd);
      if (known !== undefined) return known;
      const made = String(prng.int(1, 9)) + prng.digits(9);
      joShopNos.set(issFmCd, made);
      return made;
    },
  };
}
