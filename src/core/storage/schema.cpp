#include "sponsordesk/storage/schema.h"

#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/text.h"

namespace sponsordesk::schema {
namespace {

using Step = void (*)(SQLite::Database&);

// Version 1: the publisher, publications, placements, issues, sponsors,
// contacts and bookings.
void v1(SQLite::Database& db) {
    db.exec(R"SQL(
CREATE TABLE publisher (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  siren TEXT NOT NULL DEFAULT '',
  vat_number TEXT NOT NULL DEFAULT '',
  iban TEXT NOT NULL DEFAULT '',
  bic TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  payment_terms_days INTEGER NOT NULL DEFAULT 30,
  footer TEXT NOT NULL DEFAULT ''
);
INSERT INTO publisher (id) VALUES (1);

CREATE TABLE publication (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr','en')),
  currency TEXT NOT NULL DEFAULT 'EUR',
  cadence INTEGER NOT NULL DEFAULT 31,
  words_per_minute INTEGER NOT NULL DEFAULT 230 CHECK (words_per_minute > 0),
  copy_deadline_days INTEGER NOT NULL DEFAULT 3 CHECK (copy_deadline_days >= 0)
);

CREATE TABLE placement (
  id INTEGER PRIMARY KEY,
  publication_id INTEGER NOT NULL REFERENCES publication(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  heading TEXT NOT NULL DEFAULT '',
  price INTEGER NOT NULL CHECK (price >= 0),
  max_words INTEGER NOT NULL DEFAULT 0 CHECK (max_words >= 0),
  slots INTEGER NOT NULL DEFAULT 1 CHECK (slots >= 1),
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (publication_id, code)
);

CREATE TABLE house_ad (
  placement_id INTEGER PRIMARY KEY REFERENCES placement(id),
  body TEXT NOT NULL
);

CREATE TABLE issue (
  id INTEGER PRIMARY KEY,
  publication_id INTEGER NOT NULL REFERENCES publication(id),
  number INTEGER NOT NULL,
  date TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned','drafting','ready','sent')),
  draft TEXT NOT NULL DEFAULT '',
  audience INTEGER,
  opens INTEGER,
  clicks INTEGER,
  UNIQUE (publication_id, date)
);
CREATE INDEX issue_by_date ON issue(date);

CREATE TABLE draft_revision (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issue(id),
  revision INTEGER NOT NULL,
  saved_at TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (issue_id, revision)
);

CREATE TABLE sponsor (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  legal_name TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT 'FR',
  siren TEXT NOT NULL DEFAULT '',
  vat_number TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  payment_terms_days INTEGER NOT NULL DEFAULT 30,
  vat_rate INTEGER NOT NULL DEFAULT 2000,
  notes TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contact (
  id INTEGER PRIMARY KEY,
  sponsor_id INTEGER NOT NULL REFERENCES sponsor(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'other'
    CHECK (role IN ('billing','creative','sales','other'))
);
CREATE INDEX contact_by_sponsor ON contact(sponsor_id);

CREATE TABLE booking (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issue(id),
  placement_id INTEGER NOT NULL REFERENCES placement(id),
  sponsor_id INTEGER NOT NULL REFERENCES sponsor(id),
  slot INTEGER,
  price INTEGER NOT NULL CHECK (price >= 0),
  status TEXT NOT NULL
    CHECK (status IN ('hold','confirmed','copy-received','approved','published','cancelled')),
  hold_until TEXT,
  copy TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  allow_competitor INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  CHECK (status <> 'cancelled' OR slot IS NULL)
);
-- The storage itself refuses two bookings in one slot.
CREATE UNIQUE INDEX booking_one_per_slot ON booking(issue_id, placement_id, slot)
  WHERE slot IS NOT NULL;
CREATE INDEX booking_by_issue ON booking(issue_id, placement_id);
CREATE INDEX booking_by_sponsor ON booking(sponsor_id);
)SQL");
}

// Version 2: invoices, credit notes, their lines, payments and numbering.
// An issued invoice and its lines are immutable at the storage level too.
void v2(SQLite::Database& db) {
    db.exec(R"SQL(
CREATE TABLE invoice (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice','credit_note')),
  sponsor_id INTEGER NOT NULL REFERENCES sponsor(id),
  number TEXT UNIQUE,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft','issued','paid','cancelled')),
  issue_date TEXT,
  due_date TEXT,
  currency TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'fr',
  credited_invoice_id INTEGER REFERENCES invoice(id),
  seller TEXT NOT NULL DEFAULT '{}',
  buyer TEXT NOT NULL DEFAULT '{}',
  vat_mention TEXT NOT NULL DEFAULT '',
  payment_terms_days INTEGER NOT NULL DEFAULT 30,
  net INTEGER NOT NULL DEFAULT 0,
  vat INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX invoice_by_sponsor ON invoice(sponsor_id);
CREATE INDEX invoice_by_date ON invoice(issue_date);

CREATE TABLE invoice_line (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoice(id),
  booking_id INTEGER REFERENCES booking(id),
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  service_date TEXT NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1,
  unit_net INTEGER NOT NULL,
  net INTEGER NOT NULL,
  vat_rate INTEGER NOT NULL,
  vat_category TEXT NOT NULL DEFAULT 'S',
  vat INTEGER NOT NULL,
  gross INTEGER NOT NULL
);
CREATE INDEX invoice_line_by_invoice ON invoice_line(invoice_id);
CREATE INDEX invoice_line_by_booking ON invoice_line(booking_id);

CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoice(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  date TEXT NOT NULL,
  method TEXT NOT NULL DEFAULT 'transfer',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_by_invoice ON payment(invoice_id);

CREATE TABLE invoice_sequence (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
);

-- Once issued, only the status may move (issued -> paid -> issued when a
-- payment is removed is not offered; issued/paid -> cancelled).
CREATE TRIGGER invoice_immutable BEFORE UPDATE ON invoice
WHEN OLD.status <> 'draft' AND (
  NEW.kind IS NOT OLD.kind OR NEW.sponsor_id IS NOT OLD.sponsor_id OR
  NEW.number IS NOT OLD.number OR NEW.issue_date IS NOT OLD.issue_date OR
  NEW.due_date IS NOT OLD.due_date OR NEW.currency IS NOT OLD.currency OR
  NEW.language IS NOT OLD.language OR
  NEW.credited_invoice_id IS NOT OLD.credited_invoice_id OR
  NEW.seller IS NOT OLD.seller OR NEW.buyer IS NOT OLD.buyer OR
  NEW.vat_mention IS NOT OLD.vat_mention OR
  NEW.payment_terms_days IS NOT OLD.payment_terms_days OR
  NEW.net IS NOT OLD.net OR NEW.vat IS NOT OLD.vat OR NEW.gross IS NOT OLD.gross OR
  NEW.status = 'draft')
BEGIN SELECT RAISE(ABORT, 'issued invoice is immutable'); END;

CREATE TRIGGER invoice_no_delete BEFORE DELETE ON invoice
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'issued invoice is immutable'); END;

CREATE TRIGGER invoice_line_no_update BEFORE UPDATE ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'issued invoice is immutable'); END;

CREATE TRIGGER invoice_line_no_delete BEFORE DELETE ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'issued invoice is immutable'); END;

CREATE TRIGGER invoice_line_no_insert BEFORE INSERT ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = NEW.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'issued invoice is immutable'); END;
)SQL");
}

// Version 3: the invoice rules v2 left to the application, now refused by
// the storage too: a booking on at most one live invoice, a cancelled
// invoice stays cancelled, payments only on issued invoices, and numbering
// sequences that never go back (a number is never given twice).
void v3(SQLite::Database& db) {
    db.exec(R"SQL(
CREATE TRIGGER invoice_line_booking_once BEFORE INSERT ON invoice_line
WHEN NEW.booking_id IS NOT NULL
 AND (SELECT kind FROM invoice WHERE id = NEW.invoice_id) = 'invoice'
 AND EXISTS (SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
             WHERE l.booking_id = NEW.booking_id AND l.invoice_id <> NEW.invoice_id
               AND i.kind = 'invoice' AND i.status <> 'cancelled')
BEGIN SELECT RAISE(ABORT, 'booking is already on a live invoice'); END;

CREATE TRIGGER invoice_cancelled_final BEFORE UPDATE OF status ON invoice
WHEN OLD.status = 'cancelled' AND NEW.status <> 'cancelled'
BEGIN SELECT RAISE(ABORT, 'a cancelled invoice stays cancelled'); END;

CREATE TRIGGER invoice_issued_has_number BEFORE UPDATE OF status ON invoice
WHEN NEW.status <> 'draft' AND (NEW.number IS NULL OR NEW.issue_date IS NULL OR NEW.due_date IS NULL)
BEGIN SELECT RAISE(ABORT, 'an issued invoice has a number, an issue date and a due date'); END;

CREATE TRIGGER payment_on_issued_invoice BEFORE INSERT ON payment
WHEN (SELECT kind = 'invoice' AND status IN ('issued','paid') FROM invoice WHERE id = NEW.invoice_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'payments are recorded on issued invoices only'); END;

CREATE TRIGGER invoice_sequence_forward BEFORE UPDATE ON invoice_sequence
WHEN NEW.last < OLD.last OR NEW.kind IS NOT OLD.kind OR NEW.year IS NOT OLD.year
BEGIN SELECT RAISE(ABORT, 'invoice numbers are never reused'); END;

CREATE TRIGGER invoice_sequence_no_delete BEFORE DELETE ON invoice_sequence
BEGIN SELECT RAISE(ABORT, 'invoice numbers are never reused'); END;
)SQL");
}

// Version 4: sponsors carry the Unicode case-folded keys (GLib casefold +
// NFC, see domain/text.h) of their name, legal name and category, which
// name uniqueness, search and competitor exclusivity compare. SQLite's
// lower() folds ASCII only. The keys are filled here for existing rows; the
// index is not unique, so a file already holding "Acme" and "ACME" still
// opens (new names are checked by SponsorService).
void v4(SQLite::Database& db) {
    db.exec(R"SQL(
ALTER TABLE sponsor ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN legal_name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN category_key TEXT NOT NULL DEFAULT '';
CREATE INDEX sponsor_by_name_key ON sponsor(name_key);
)SQL");
    // Text written before validation checked it could be anything: a value
    // GLib cannot fold keeps its own bytes as key rather than stopping the
    // file from opening.
    auto key = [](const std::string& value) {
        try {
            return text::fold(value);
        } catch (const InvalidInput&) {
            return value;
        }
    };
    SQLite::Statement read(db, "SELECT id, name, legal_name, category FROM sponsor");
    SQLite::Statement write(db, "UPDATE sponsor SET name_key = ?, legal_name_key = ?, category_key = ? WHERE id = ?");
    while (read.executeStep()) {
        write.reset();
        write.bind(1, key(read.getColumn(1).getString()));
        write.bind(2, key(read.getColumn(2).getString()));
        write.bind(3, key(read.getColumn(3).getString()));
        write.bind(4, read.getColumn(0).getInt64());
        write.exec();
    }
}

// Version 5: the data of the 2026 French invoice rules and Factur-X.
// Structured postal addresses (the free-text `address` stays, shown while
// the structured fields are empty), SIRET apart from SIREN, the seller's
// legal form, share capital (minor units of EUR, -1 = none) and registry,
// electronic addresses, the VAT regime and the debits option; the sponsor's
// buyer reference and business flag (its postal country is the `country`
// column). Invoices gain their order and buyer references and the EUR rate
// (euros per unit of the currency × 10^6, NULL for EUR); invoices already
// issued when this runs are `legacy`: they keep exporting as the plain PDF
// they were. The issued original (PDF and XML) and the refunds of credit
// notes get their own tables, immutable like the invoice.
void v5(SQLite::Database& db) {
    db.exec(R"SQL(
ALTER TABLE publisher ADD COLUMN address_line1 TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN address_line2 TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN country TEXT NOT NULL DEFAULT 'FR';
ALTER TABLE publisher ADD COLUMN siret TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN legal_form TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN share_capital INTEGER NOT NULL DEFAULT -1 CHECK (share_capital >= -1);
ALTER TABLE publisher ADD COLUMN registry TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN einvoice_address TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher ADD COLUMN vat_on_debits INTEGER NOT NULL DEFAULT 0 CHECK (vat_on_debits IN (0,1));
ALTER TABLE publisher ADD COLUMN vat_regime TEXT NOT NULL DEFAULT 'normal' CHECK (vat_regime IN ('normal','franchise'));

ALTER TABLE sponsor ADD COLUMN address_line1 TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN address_line2 TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN siret TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN einvoice_address TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN buyer_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsor ADD COLUMN business INTEGER NOT NULL DEFAULT 1 CHECK (business IN (0,1));

-- The list price of a line sold under it (0: sold at list price).
ALTER TABLE invoice_line ADD COLUMN list_unit INTEGER NOT NULL DEFAULT 0;

ALTER TABLE invoice ADD COLUMN order_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN buyer_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN eur_rate_micro INTEGER CHECK (eur_rate_micro IS NULL OR eur_rate_micro > 0);
ALTER TABLE invoice ADD COLUMN legacy INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0,1));
-- Before the trigger below exists: these were issued without the 2026 data.
UPDATE invoice SET legacy = 1 WHERE status <> 'draft';

CREATE TRIGGER invoice_2026_immutable BEFORE UPDATE ON invoice
WHEN OLD.status <> 'draft' AND (
  NEW.order_reference IS NOT OLD.order_reference OR
  NEW.buyer_reference IS NOT OLD.buyer_reference OR
  NEW.eur_rate_micro IS NOT OLD.eur_rate_micro OR
  NEW.legacy IS NOT OLD.legacy)
BEGIN SELECT RAISE(ABORT, 'issued invoice is immutable'); END;

-- A new invoice is never legacy: only the migration above sets the flag.
CREATE TRIGGER invoice_new_not_legacy BEFORE INSERT ON invoice
WHEN NEW.legacy <> 0
BEGIN SELECT RAISE(ABORT, 'only invoices issued before schema 5 are legacy'); END;

CREATE TABLE invoice_original (
  invoice_id INTEGER PRIMARY KEY REFERENCES invoice(id),
  pdf BLOB NOT NULL,
  xml BLOB NOT NULL
);

CREATE TRIGGER invoice_original_of_issued BEFORE INSERT ON invoice_original
WHEN (SELECT status <> 'draft' FROM invoice WHERE id = NEW.invoice_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'an original is stored for an issued invoice only'); END;

CREATE TRIGGER invoice_original_no_update BEFORE UPDATE ON invoice_original
BEGIN SELECT RAISE(ABORT, 'the issued original is immutable'); END;

CREATE TRIGGER invoice_original_no_delete BEFORE DELETE ON invoice_original
BEGIN SELECT RAISE(ABORT, 'the issued original is immutable'); END;

CREATE TABLE refund (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoice(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  date TEXT NOT NULL
);
CREATE INDEX refund_by_invoice ON refund(invoice_id);

CREATE TRIGGER refund_on_credit_note BEFORE INSERT ON refund
WHEN (SELECT kind = 'credit_note' AND status <> 'draft' FROM invoice WHERE id = NEW.invoice_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'refunds are recorded on issued credit notes only'); END;

CREATE TRIGGER refund_no_update BEFORE UPDATE ON refund
BEGIN SELECT RAISE(ABORT, 'a recorded refund is immutable'); END;

CREATE TRIGGER refund_no_delete BEFORE DELETE ON refund
BEGIN SELECT RAISE(ABORT, 'a recorded refund is immutable'); END;
)SQL");
}

// Version 6: campaign results. The clicks a sending platform counted on one
// link of one issue, kept for the booking whose UTM tags the link carries
// (import clicks). A link is its issue and its normalised URL: importing
// the same export again replaces its figures rather than adding to them.
void v6(SQLite::Database& db) {
    db.exec(R"SQL(
CREATE TABLE link_click (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issue(id),
  url TEXT NOT NULL,
  booking_id INTEGER NOT NULL REFERENCES booking(id),
  clicks INTEGER NOT NULL CHECK (clicks >= 0),
  unique_clicks INTEGER CHECK (unique_clicks IS NULL OR unique_clicks >= 0),
  UNIQUE (issue_id, url)
);
CREATE INDEX link_click_by_booking ON link_click(booking_id);
)SQL");
}

// Version 7: the activity log, one row per write: when (UTC), who (the
// operating-system login here; the database user on a server), the action,
// the object and a one-line summary. Written in the write's own
// transaction; no row can be changed or deleted afterwards.
void v7(SQLite::Database& db) {
    db.exec(R"SQL(
CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_kind TEXT NOT NULL CHECK (object_kind IN
    ('booking','invoice','sponsor','issue','publication','placement','publisher','user','database')),
  object_id INTEGER,
  summary TEXT NOT NULL
);
CREATE INDEX activity_by_object ON activity(object_kind, object_id);
CREATE INDEX activity_by_time ON activity(at);

CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
BEGIN SELECT RAISE(ABORT, 'the activity log cannot be changed'); END;

CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity
BEGIN SELECT RAISE(ABORT, 'the activity log cannot be changed'); END;
)SQL");
}

const std::vector<Step> kMigrations = {v1, v2, v3, v4, v5, v6, v7};

}  // namespace

int latest_version() { return static_cast<int>(kMigrations.size()); }

void migrate(SQLite::Database& db, int from, int to) {
    for (int v = from; v < to; ++v) {
        kMigrations[static_cast<size_t>(v)](db);
    }
}

}  // namespace sponsordesk::schema
