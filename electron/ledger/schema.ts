import { AUDIT_CHAIN_SQL, carryUnchainedAudit } from './auditChainMigration';
import { maskStoredCardNumbers } from './cardMaskMigration';
import { addIssuerColumns } from './issuerColumnsMigration';
import type { SqliteDb } from './open';

/**
 * The ledger's schema, as numbered migrations (DESIGN.md "Data"). `PRAGMA user_version` holds
 * the number of migrations applied; ./open.ts runs the missing ones at start, each in its own
 * transaction, so a crash mid-migration leaves the previous version intact.
 *
 * Rules for later migrations: append, never edit a released one; keep every table STRICT.
 */
export interface Migration {
  /** user_version after this migration */
  version: number;
  description: string;
  sql: string;
  /** what SQL alone cannot do (hashing), run after `sql` in the same transaction */
  run?: (db: SqliteDb) => void;
}

/** Every cancellation state of DESIGN.md "A cancellation's life" (see ../cancellations/states.ts). */
const STATES = `'draft','pending','sending','queued','in_doubt','cancelled','rejected','needs_review'`;

const V1 = `
CREATE TABLE receipts (
  id           INTEGER PRIMARY KEY,
  van_trx_no   TEXT,
  merc_trx_no  TEXT,
  aprv_no      TEXT NOT NULL,
  aprv_dt      TEXT NOT NULL,
  aprv_tm      TEXT,
  trx_amt      INTEGER NOT NULL CHECK (trx_amt >= 0),
  vat_amt      INTEGER NOT NULL CHECK (vat_amt >= 0),
  svc_amt      INTEGER NOT NULL CHECK (svc_amt >= 0),
  alot_month   TEXT NOT NULL,
  issuer_name  TEXT,
  card_masked  TEXT,
  card_last4   TEXT,
  source       TEXT NOT NULL CHECK (source IN ('imported','typed','training')),
  created_at   INTEGER NOT NULL,
  -- KICC can cancel only by one of these keys (wcc T or G): a receipt without either is useless.
  CHECK (van_trx_no IS NOT NULL OR merc_trx_no IS NOT NULL)
) STRICT;

-- One original, one receipt row: the per-receipt uniqueness of cancellations below would mean
-- nothing if the same original could be entered twice.
CREATE UNIQUE INDEX receipts_by_van_trx_no ON receipts(van_trx_no) WHERE van_trx_no IS NOT NULL;
CREATE UNIQUE INDEX receipts_by_merc_trx_no ON receipts(merc_trx_no) WHERE merc_trx_no IS NOT NULL;
CREATE INDEX receipts_by_approval ON receipts(aprv_no, aprv_dt);
CREATE INDEX receipts_by_amount_date ON receipts(trx_amt, aprv_dt, card_last4);

CREATE TABLE cancellations (
  id              INTEGER PRIMARY KEY,
  receipt_id      INTEGER NOT NULL REFERENCES receipts(id),
  -- the screen's idempotency key: a double click sends the same one (shared/contract)
  client_request_id TEXT UNIQUE,
  state           TEXT NOT NULL CHECK (state IN (${STATES})),
  requested_by    TEXT NOT NULL,
  approved_by     TEXT,
  reason          TEXT,
  -- the request's data, frozen at confirmation (the receipt row may gain keys later)
  wcc             TEXT NOT NULL CHECK (wcc IN ('T','G')),
  cnd_trx_no      TEXT NOT NULL,
  trx_amt         INTEGER NOT NULL,
  vat_amt         INTEGER NOT NULL,
  svc_amt         INTEGER NOT NULL,
  alot_month      TEXT NOT NULL,
  org_aprv_dt     TEXT NOT NULL,
  org_aprv_no     TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  -- queued: the attempt whose exact request is resent (NULL: a fresh attempt is due);
  -- in_doubt: the attempt being verified; sending: the attempt in flight.
  open_attempt_id INTEGER REFERENCES attempts(id),
  in_doubt_since  INTEGER,
  next_try_at     INTEGER,
  tries           INTEGER NOT NULL DEFAULT 0,
  -- the final outcome
  result_code     TEXT,
  result_message  TEXT,
  aprv_no         TEXT,
  cnd_dt          TEXT,
  cnd_tm          TEXT,
  van_trx_no      TEXT,
  card_confirm_no TEXT,
  issuer_name     TEXT,
  note            TEXT,
  finished_at     INTEGER
) STRICT;

-- DESIGN.md: "A second cancellation of a receipt that already has one that is not rejected is
-- refused locally". Enforced by the database, not only by the workflow's check.
CREATE UNIQUE INDEX cancellations_one_live_per_receipt
  ON cancellations(receipt_id) WHERE state <> 'rejected';
CREATE INDEX cancellations_by_receipt ON cancellations(receipt_id, id);
CREATE INDEX cancellations_unresolved
  ON cancellations(next_try_at) WHERE state IN ('queued','in_doubt');
CREATE INDEX cancellations_doubt_since
  ON cancellations(in_doubt_since) WHERE state = 'in_doubt';
CREATE INDEX cancellations_by_state ON cancellations(state, created_at);
CREATE INDEX cancellations_by_created ON cancellations(created_at);
-- child keys of foreign keys are indexed (SQLite "Foreign Key Support" 3.): checking a
-- constraint never scans a table
CREATE INDEX cancellations_by_open_attempt ON cancellations(open_attempt_id);
CREATE INDEX cancellations_by_cnd_trx_no ON cancellations(cnd_trx_no);
CREATE INDEX cancellations_by_org_aprv_no ON cancellations(org_aprv_no);

CREATE TABLE attempts (
  id                 INTEGER PRIMARY KEY,
  cancellation_id    INTEGER NOT NULL REFERENCES cancellations(id),
  kind               TEXT NOT NULL CHECK (kind IN ('cancel','net-cancel')),
  merc_trx_no        TEXT NOT NULL,
  -- a resend (cancel) or a verification (net-cancel) repeats this attempt's mercTrxNo and data
  repeats_attempt_id INTEGER REFERENCES attempts(id),
  body               TEXT NOT NULL,
  sent_at            INTEGER NOT NULL,
  state              TEXT NOT NULL CHECK (state IN ('sending','answered','failed')),
  class              TEXT,
  code               TEXT,
  message            TEXT,
  http_status        INTEGER,
  response_body      TEXT,
  error              TEXT,
  ended_at           INTEGER,
  -- a verification always names the lost attempt it verifies
  CHECK (kind = 'cancel' OR repeats_attempt_id IS NOT NULL)
) STRICT;

-- A freshly numbered cancel request is sent under a mercTrxNo no other request ever used.
-- Resends and verifications repeat a number on purpose and point at the attempt they repeat.
CREATE UNIQUE INDEX attempts_fresh_merc_trx_no
  ON attempts(merc_trx_no) WHERE kind = 'cancel' AND repeats_attempt_id IS NULL;
CREATE INDEX attempts_by_cancellation ON attempts(cancellation_id, id);
CREATE INDEX attempts_by_merc_trx_no ON attempts(merc_trx_no);
CREATE INDEX attempts_by_repeats ON attempts(repeats_attempt_id) WHERE repeats_attempt_id IS NOT NULL;
CREATE INDEX attempts_sending ON attempts(state) WHERE state = 'sending';

CREATE TABLE audit_events (
  id              INTEGER PRIMARY KEY,
  at              INTEGER NOT NULL,
  actor           TEXT NOT NULL,
  kind            TEXT NOT NULL,
  cancellation_id INTEGER,
  receipt_id      INTEGER,
  detail          TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_by_cancellation ON audit_events(cancellation_id) WHERE cancellation_id IS NOT NULL;

-- DESIGN.md "Audit log: append-only". (Hash chaining comes with the manager issue, through
-- ./audit.ts appendAudit, the one function that writes here.)
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'receipts, cancellations, attempts, audit events', sql: V1 },
  {
    version: 2,
    description: 'audit events become the hash-chained log (electron/audit), rows carried over',
    sql: AUDIT_CHAIN_SQL,
    run: carryUnchainedAudit,
  },
  {
    version: 3,
    description: 'card numbers stored by earlier versions masked to first 6 / last 4 (issue 11)',
    sql: '',
    run: maskStoredCardNumbers,
  },
  {
    version: 4,
    description: 'issuer code and merchant number from KICC answers (reports by issuer code)',
    sql: '',
    run: addIssuerColumns,
  },
  {
    version: 5,
    description: 'an index of the cancellations a manager resolved (the review screen lists them)',
    // the WHERE is ./cancellations.ts MANAGER_RESOLVED, word for word (a test holds them equal)
    sql: `CREATE INDEX IF NOT EXISTS cancellations_resolved_by_manager ON cancellations(id)
  WHERE note IN ('manager-cancelled','manager-not-cancelled');`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
