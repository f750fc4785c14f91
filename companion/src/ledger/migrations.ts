/** Schema migrations: entry N takes the database from user_version N to N+1. Never edit a shipped entry. */
export const migrations: string[] = [
  `
  CREATE TABLE einvoices (
    id INTEGER PRIMARY KEY,
    seller_gstin TEXT NOT NULL,
    fy TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    doc_no_key TEXT NOT NULL,          -- upper-cased: the IRP treats document numbers case-insensitively
    doc_no TEXT NOT NULL,              -- as the ERP wrote it
    doc_date TEXT NOT NULL,            -- dd/mm/yyyy
    state TEXT NOT NULL CHECK (state IN ('pending','unknown','generated','cancelled','failed')),
    profile TEXT NOT NULL,
    request_json TEXT NOT NULL,
    irn TEXT,
    ack_no TEXT,
    ack_dt TEXT,
    signed_invoice TEXT,
    signed_qr_code TEXT,
    ewb_no TEXT,
    ewb_dt TEXT,
    ewb_valid_till TEXT,
    recovered INTEGER NOT NULL DEFAULT 0,
    buyer_gstin TEXT,
    total_value REAL,
    cancel_date TEXT,
    cancel_reason TEXT,
    cancel_remark TEXT,
    last_error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (seller_gstin, fy, doc_type, doc_no_key)
  );
  CREATE UNIQUE INDEX einvoices_irn ON einvoices (irn) WHERE irn IS NOT NULL;
  CREATE INDEX einvoices_state ON einvoices (state);

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    profile TEXT,
    operation TEXT NOT NULL,
    document TEXT,
    irn TEXT,
    outcome TEXT NOT NULL,
    irp_codes TEXT,
    duration_ms INTEGER
  );

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    client TEXT NOT NULL,
    origin TEXT,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );

  CREATE TABLE pairing_codes (
    id INTEGER PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at TEXT
  );
  `,
  // 2: the owner of a pending row (issue 10, defect 3): another process waits for a live owner's outcome.
  `
  ALTER TABLE einvoices ADD COLUMN owner_pid INTEGER;
  ALTER TABLE einvoices ADD COLUMN owner_nonce TEXT;
  ALTER TABLE einvoices ADD COLUMN owner_heartbeat TEXT;
  `,
  // 3 (issue 11): a cancelled e-way bill (the IRN may then be cancelled), and where the invoice came from (the history opens it there).
  `
  ALTER TABLE einvoices ADD COLUMN ewb_cancel_date TEXT;
  ALTER TABLE einvoices ADD COLUMN ewb_cancel_reason TEXT;
  ALTER TABLE einvoices ADD COLUMN ewb_cancel_remark TEXT;
  ALTER TABLE einvoices ADD COLUMN source_json TEXT;
  `,
  // 4 (issue 10, team mode): a key's role and user; who asked for each ledger row and audit entry.
  // Keys made before roles existed were paired at the owner's own desk: they stay admin.
  `
  ALTER TABLE api_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'admin' CHECK (role IN ('clerk', 'admin'));
  ALTER TABLE api_keys ADD COLUMN user_name TEXT;
  ALTER TABLE einvoices ADD COLUMN created_by TEXT;
  ALTER TABLE audit ADD COLUMN user_name TEXT;
  `,
];
