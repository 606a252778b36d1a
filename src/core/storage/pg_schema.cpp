// SponsorDesk's schema on PostgreSQL, at the version SQLite reaches through
// schema.cpp's migrations. What differs between the engines, and why:
// - INTEGER is BIGINT; `id INTEGER PRIMARY KEY` (SQLite's rowid) is an
//   identity BY DEFAULT, so that db copy can insert the source's ids and then
//   move the sequences past them. BLOB is BYTEA. Dates, times and booleans
//   keep SQLite's representation: TEXT and 0/1 BIGINT with the same CHECKs.
// - Every TEXT column collates "C": SQLite compares text bytewise (BINARY),
//   so ORDER BY name and < give the same order on both engines, whatever
//   the database's default collation.
// - SQLite's trigger bodies become plpgsql functions or WHEN clauses with
//   the same messages (RAISE ... SQLSTATE P0001, like RAISE(ABORT) they end
//   the statement). `IS NOT` is IS DISTINCT FROM. Where SQLite's single
//   writer made a check race-free, the function locks what it reads.
// - The functions of SQLite the repositories call (instr, date with a day
//   modifier, strftime of now) and its NOCASE collation are created here.
// - The server part: group roles and grants (SPEC "Working as a team"), a
//   NOLOGIN owner of everything so no login role can alter or drop the
//   activity log, whose rows are stamped with the database user and time.
#include "sponsordesk/storage/pg_schema.h"

#include <array>
#include <cctype>
#include <string_view>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk::pg_schema {
namespace {

// Every table, for the grants that concern them all.
constexpr std::array<std::string_view, 18> kTables = {
    "publisher", "publication",      "placement",        "house_ad",   "issue",        "draft_revision",
    "sponsor",   "contact",          "booking",          "invoice",    "invoice_line", "payment",
    "refund",    "invoice_sequence", "invoice_original", "link_click", "activity",     "sponsordesk_schema"};

void check_prefix(const std::string& prefix) {
    bool ok = !prefix.empty() && prefix.size() <= 40 && prefix[0] >= 'a' && prefix[0] <= 'z';
    for (char c : prefix) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok)
        throw InvalidInput({ErrorCode::InvalidFormat, "prefix", {{"value", prefix}}},
                           "a role prefix is a lowercase letter, then lowercase letters, digits or '_' (at most 40)");
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// The tables below are written with SQLite's word TEXT, so that they read
// like schema.cpp; each standalone TEXT becomes TEXT COLLATE "C".
std::string binary_text(const std::string& ddl) {
    std::string out;
    const std::string_view word = "TEXT";
    size_t from = 0;
    for (size_t at = ddl.find(word); at != std::string::npos; at = ddl.find(word, at + word.size())) {
        const auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        const bool alone =
            (at == 0 || !ident(ddl[at - 1])) && (at + word.size() == ddl.size() || !ident(ddl[at + word.size()]));
        if (!alone) continue;
        out.append(ddl, from, at + word.size() - from);
        out += " COLLATE \"C\"";
        from = at + word.size();
    }
    out.append(ddl, from, std::string::npos);
    return out;
}

// The group roles, created when missing (roles belong to the whole server:
// two databases with one prefix share them), and the search path of the
// functions created below. The script needs its own transaction: SET LOCAL
// has no effect outside one, so that is checked first.
constexpr const char* kRoles = R"SQL(
SET LOCAL sponsordesk.creating_schema = 'on';
DO $$
BEGIN
  IF pg_catalog.current_setting('sponsordesk.creating_schema', true) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'the SponsorDesk schema is created in one transaction';
  END IF;
END $$;

DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['{p}_sales', '{p}_editor', '{p}_finance', '{p}_admin', '{p}_owner'] LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END $$;
GRANT {p}_sales, {p}_editor, {p}_finance TO {p}_admin;

-- Everything is created by {p}_owner, which nobody logs in as and nobody is
-- a member of once this script ends: not even the database owner or an
-- admin can then drop or disable the activity log's triggers. The schema
-- goes to it too (the owner of a schema may drop anything in it; public
-- belongs to the database owner by default).
GRANT {p}_owner TO CURRENT_USER;
DO $$
DECLARE
  s text := pg_catalog.current_schema();
  s_owner oid;
BEGIN
  IF s IS NULL THEN
    RAISE EXCEPTION 'the search_path names no existing schema to create SponsorDesk in';
  END IF;
  SELECT nspowner INTO s_owner FROM pg_catalog.pg_namespace WHERE nspname = s;
  IF s_owner <> '{p}_owner'::pg_catalog.regrole::oid THEN
    IF pg_catalog.pg_has_role(current_user, s_owner, 'USAGE') THEN
      EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO {p}_owner', s);
    ELSIF NOT pg_catalog.has_schema_privilege('{p}_owner', s, 'CREATE') THEN
      RAISE EXCEPTION 'creating the SponsorDesk schema needs a superuser or the owner of the database'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  -- Objects are created in s; functions that read tables run with this
  -- path (SET search_path FROM CURRENT): pg_temp last, so nobody's
  -- temporary "invoice" table can stand in for the real one in a trigger.
  PERFORM pg_catalog.set_config('search_path', pg_catalog.format('%I, pg_catalog, pg_temp', s), true);
END $$;
SET LOCAL ROLE {p}_owner;
)SQL";

// SQLite's functions and collation as the repositories' SQL uses them.
constexpr const char* kCompatibility = R"SQL(
-- ORDER BY name COLLATE NOCASE. SQLite's NOCASE folds ASCII letters only
-- and then orders bytewise; this one ignores case (not accents) for every
-- script and orders by the Unicode collation.
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- instr(X, Y): the 1-based position of Y in X, 0 when absent.
CREATE FUNCTION instr(haystack text, needle text) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT pg_catalog.strpos(haystack, needle)::bigint $$;

-- date(D, '±N days') as SQLite computes it: D is 'YYYY-MM-DD' (a day up
-- to 31 rolls over: '2026-02-30' is 2026-03-02), optionally followed by a
-- time 'HH:MM[:SS[.fff]]' after 'T' or a space, and 'Z'; N may have a
-- fraction ('-0.5 days' from midnight is the day before). Whatever else
-- SQLite accepts (other modifiers, time zones, Julian day numbers) gives
-- NULL here, as an invalid date does in SQLite. Years 0001-9999.
CREATE FUNCTION date(day text, modifier text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
SELECT CASE
  WHEN day ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]*)?)?)?Z? *$'
   AND pg_catalog.substr(day, 1, 4) <> '0000'
   AND modifier ~* '^[+-]?([0-9]{1,7}(\.[0-9]*)?|\.[0-9]+) +days?$'
  THEN pg_catalog.to_char(
    pg_catalog.make_date(pg_catalog.substr(day, 1, 4)::int, pg_catalog.substr(day, 6, 2)::int, 1)::timestamp
      + (pg_catalog.substr(day, 9, 2)::int - 1) * interval '1 day'
      + coalesce(pg_catalog.substring(day, '^.{11}([0-9:.]+)')::interval, interval '0')
      + pg_catalog.split_part(modifier, ' ', 1)::float8 * interval '1 day',
    'YYYY-MM-DD')
END
$$;

-- strftime('%Y-%m-%dT%H:%M:%SZ', 'now') (and '%Y-%m-%d'): UTC, at the
-- start of the transaction where SQLite takes the statement's.
CREATE FUNCTION strftime(format text, timevalue text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF timevalue = 'now' AND format = '%Y-%m-%dT%H:%M:%SZ' THEN
    RETURN pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  ELSIF timevalue = 'now' AND format = '%Y-%m-%d' THEN
    RETURN pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD');
  END IF;
  RAISE EXCEPTION 'strftime(%, %) is not available on PostgreSQL',
    pg_catalog.quote_literal(format), pg_catalog.quote_literal(timevalue)
    USING ERRCODE = 'feature_not_supported';
END
$$;

-- The SponsorDesk role of the connected user, for the application to show
-- and to disable what the role may not do: the highest group it belongs to.
CREATE FUNCTION sponsordesk_role() RETURNS text
  LANGUAGE sql STABLE
  AS $$
SELECT CASE
  WHEN pg_catalog.pg_has_role(session_user, '{p}_admin', 'MEMBER') THEN 'admin'
  WHEN pg_catalog.pg_has_role(session_user, '{p}_finance', 'MEMBER') THEN 'finance'
  WHEN pg_catalog.pg_has_role(session_user, '{p}_editor', 'MEMBER') THEN 'editor'
  WHEN pg_catalog.pg_has_role(session_user, '{p}_sales', 'MEMBER') THEN 'sales'
  ELSE ''
END
$$;

-- The body of every trigger whose SQLite twin is WHEN <condition> BEGIN
-- SELECT RAISE(ABORT, <message>): the condition is the trigger's WHEN, the
-- message its argument.
CREATE FUNCTION sponsordesk_refuse() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0]; END $$;
)SQL";

// Version 1..7 of schema.cpp as one step; the columns that later versions
// added come last in their tables, in the order SQLite has them.
constexpr const char* kTablesSql = R"SQL(
CREATE TABLE publisher (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  siren TEXT NOT NULL DEFAULT '',
  vat_number TEXT NOT NULL DEFAULT '',
  iban TEXT NOT NULL DEFAULT '',
  bic TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  payment_terms_days BIGINT NOT NULL DEFAULT 30,
  footer TEXT NOT NULL DEFAULT '',
  address_line1 TEXT NOT NULL DEFAULT '',
  address_line2 TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT 'FR',
  siret TEXT NOT NULL DEFAULT '',
  legal_form TEXT NOT NULL DEFAULT '',
  share_capital BIGINT NOT NULL DEFAULT -1 CHECK (share_capital >= -1),
  registry TEXT NOT NULL DEFAULT '',
  einvoice_address TEXT NOT NULL DEFAULT '',
  vat_on_debits BIGINT NOT NULL DEFAULT 0 CHECK (vat_on_debits IN (0,1)),
  vat_regime TEXT NOT NULL DEFAULT 'normal' CHECK (vat_regime IN ('normal','franchise'))
);
INSERT INTO publisher (id) VALUES (1);

CREATE TABLE publication (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr','en')),
  currency TEXT NOT NULL DEFAULT 'EUR',
  cadence BIGINT NOT NULL DEFAULT 31,
  words_per_minute BIGINT NOT NULL DEFAULT 230 CHECK (words_per_minute > 0),
  copy_deadline_days BIGINT NOT NULL DEFAULT 3 CHECK (copy_deadline_days >= 0)
);

CREATE TABLE placement (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  publication_id BIGINT NOT NULL REFERENCES publication(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  heading TEXT NOT NULL DEFAULT '',
  price BIGINT NOT NULL CHECK (price >= 0),
  max_words BIGINT NOT NULL DEFAULT 0 CHECK (max_words >= 0),
  slots BIGINT NOT NULL DEFAULT 1 CHECK (slots >= 1),
  position BIGINT NOT NULL DEFAULT 0,
  active BIGINT NOT NULL DEFAULT 1,
  UNIQUE (publication_id, code)
);

CREATE TABLE house_ad (
  placement_id BIGINT PRIMARY KEY REFERENCES placement(id),
  body TEXT NOT NULL
);

CREATE TABLE issue (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  publication_id BIGINT NOT NULL REFERENCES publication(id),
  number BIGINT NOT NULL,
  date TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned','drafting','ready','sent')),
  draft TEXT NOT NULL DEFAULT '',
  audience BIGINT,
  opens BIGINT,
  clicks BIGINT,
  UNIQUE (publication_id, date)
);
CREATE INDEX issue_by_date ON issue(date);

CREATE TABLE draft_revision (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  issue_id BIGINT NOT NULL REFERENCES issue(id),
  revision BIGINT NOT NULL,
  saved_at TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (issue_id, revision)
);

CREATE TABLE sponsor (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  legal_name TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT 'FR',
  siren TEXT NOT NULL DEFAULT '',
  vat_number TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  payment_terms_days BIGINT NOT NULL DEFAULT 30,
  vat_rate BIGINT NOT NULL DEFAULT 2000,
  notes TEXT NOT NULL DEFAULT '',
  archived BIGINT NOT NULL DEFAULT 0,
  name_key TEXT NOT NULL DEFAULT '',
  legal_name_key TEXT NOT NULL DEFAULT '',
  category_key TEXT NOT NULL DEFAULT '',
  address_line1 TEXT NOT NULL DEFAULT '',
  address_line2 TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  siret TEXT NOT NULL DEFAULT '',
  einvoice_address TEXT NOT NULL DEFAULT '',
  buyer_reference TEXT NOT NULL DEFAULT '',
  business BIGINT NOT NULL DEFAULT 1 CHECK (business IN (0,1))
);
CREATE INDEX sponsor_by_name_key ON sponsor(name_key);

CREATE TABLE contact (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  sponsor_id BIGINT NOT NULL REFERENCES sponsor(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'other'
    CHECK (role IN ('billing','creative','sales','other'))
);
CREATE INDEX contact_by_sponsor ON contact(sponsor_id);

CREATE TABLE booking (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  issue_id BIGINT NOT NULL REFERENCES issue(id),
  placement_id BIGINT NOT NULL REFERENCES placement(id),
  sponsor_id BIGINT NOT NULL REFERENCES sponsor(id),
  slot BIGINT,
  price BIGINT NOT NULL CHECK (price >= 0),
  status TEXT NOT NULL
    CHECK (status IN ('hold','confirmed','copy-received','approved','published','cancelled')),
  hold_until TEXT,
  copy TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  allow_competitor BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  CHECK (status <> 'cancelled' OR slot IS NULL)
);
-- The storage itself refuses two bookings in one slot.
CREATE UNIQUE INDEX booking_one_per_slot ON booking(issue_id, placement_id, slot)
  WHERE slot IS NOT NULL;
CREATE INDEX booking_by_issue ON booking(issue_id, placement_id);
CREATE INDEX booking_by_sponsor ON booking(sponsor_id);

CREATE TABLE invoice (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice','credit_note')),
  sponsor_id BIGINT NOT NULL REFERENCES sponsor(id),
  number TEXT UNIQUE,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft','issued','paid','cancelled')),
  issue_date TEXT,
  due_date TEXT,
  currency TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'fr',
  credited_invoice_id BIGINT REFERENCES invoice(id),
  seller TEXT NOT NULL DEFAULT '{}',
  buyer TEXT NOT NULL DEFAULT '{}',
  vat_mention TEXT NOT NULL DEFAULT '',
  payment_terms_days BIGINT NOT NULL DEFAULT 30,
  net BIGINT NOT NULL DEFAULT 0,
  vat BIGINT NOT NULL DEFAULT 0,
  gross BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  order_reference TEXT NOT NULL DEFAULT '',
  buyer_reference TEXT NOT NULL DEFAULT '',
  eur_rate_micro BIGINT CHECK (eur_rate_micro IS NULL OR eur_rate_micro > 0),
  legacy BIGINT NOT NULL DEFAULT 0 CHECK (legacy IN (0,1))
);
CREATE INDEX invoice_by_sponsor ON invoice(sponsor_id);
CREATE INDEX invoice_by_date ON invoice(issue_date);

CREATE TABLE invoice_line (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  invoice_id BIGINT NOT NULL REFERENCES invoice(id),
  booking_id BIGINT REFERENCES booking(id),
  position BIGINT NOT NULL,
  description TEXT NOT NULL,
  service_date TEXT NOT NULL,
  quantity BIGINT NOT NULL DEFAULT 1,
  unit_net BIGINT NOT NULL,
  net BIGINT NOT NULL,
  vat_rate BIGINT NOT NULL,
  vat_category TEXT NOT NULL DEFAULT 'S',
  vat BIGINT NOT NULL,
  gross BIGINT NOT NULL,
  list_unit BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX invoice_line_by_invoice ON invoice_line(invoice_id);
CREATE INDEX invoice_line_by_booking ON invoice_line(booking_id);

CREATE TABLE payment (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  invoice_id BIGINT NOT NULL REFERENCES invoice(id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  date TEXT NOT NULL,
  method TEXT NOT NULL DEFAULT 'transfer',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_by_invoice ON payment(invoice_id);

CREATE TABLE invoice_sequence (
  kind TEXT NOT NULL,
  year BIGINT NOT NULL,
  last BIGINT NOT NULL,
  PRIMARY KEY (kind, year)
);

CREATE TABLE invoice_original (
  invoice_id BIGINT PRIMARY KEY REFERENCES invoice(id),
  pdf BYTEA NOT NULL,
  xml BYTEA NOT NULL
);

CREATE TABLE refund (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  invoice_id BIGINT NOT NULL REFERENCES invoice(id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  date TEXT NOT NULL
);
CREATE INDEX refund_by_invoice ON refund(invoice_id);

CREATE TABLE link_click (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  issue_id BIGINT NOT NULL REFERENCES issue(id),
  url TEXT NOT NULL,
  booking_id BIGINT NOT NULL REFERENCES booking(id),
  clicks BIGINT NOT NULL CHECK (clicks >= 0),
  unique_clicks BIGINT CHECK (unique_clicks IS NULL OR unique_clicks >= 0),
  UNIQUE (issue_id, url)
);
CREATE INDEX link_click_by_booking ON link_click(booking_id);

CREATE TABLE activity (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_kind TEXT NOT NULL CHECK (object_kind IN
    ('booking','invoice','sponsor','issue','publication','placement','publisher','user','database')),
  object_id BIGINT,
  summary TEXT NOT NULL
);
CREATE INDEX activity_by_object ON activity(object_kind, object_id);
CREATE INDEX activity_by_time ON activity(at);

-- SQLite keeps these two numbers in its file header (PRAGMA application_id
-- and user_version).
CREATE TABLE sponsordesk_schema (
  application_id BIGINT NOT NULL,
  version BIGINT NOT NULL
);
INSERT INTO sponsordesk_schema (application_id, version) VALUES (1397769299, 7);
)SQL";

// The triggers of schema.cpp (v2, v3, v5, v7), by the same names.
constexpr const char* kInvoiceTriggers = R"SQL(
-- SQLite fires the triggers of one event newest first, PostgreSQL by name:
-- the numbers keep SQLite's order, so that an update breaking several rules
-- is refused with the same message.
CREATE TRIGGER invoice_update_1_2026_immutable BEFORE UPDATE ON invoice
FOR EACH ROW WHEN (OLD.status <> 'draft' AND (
  NEW.order_reference IS DISTINCT FROM OLD.order_reference OR
  NEW.buyer_reference IS DISTINCT FROM OLD.buyer_reference OR
  NEW.eur_rate_micro IS DISTINCT FROM OLD.eur_rate_micro OR
  NEW.legacy IS DISTINCT FROM OLD.legacy))
EXECUTE FUNCTION sponsordesk_refuse('issued invoice is immutable');

CREATE TRIGGER invoice_update_2_issued_has_number BEFORE UPDATE OF status ON invoice
FOR EACH ROW WHEN (NEW.status <> 'draft' AND (NEW.number IS NULL OR NEW.issue_date IS NULL OR NEW.due_date IS NULL))
EXECUTE FUNCTION sponsordesk_refuse('an issued invoice has a number, an issue date and a due date');

CREATE TRIGGER invoice_update_3_cancelled_final BEFORE UPDATE OF status ON invoice
FOR EACH ROW WHEN (OLD.status = 'cancelled' AND NEW.status <> 'cancelled')
EXECUTE FUNCTION sponsordesk_refuse('a cancelled invoice stays cancelled');

-- Once issued, only the status may move (issued -> paid -> issued when a
-- payment is removed is not offered; issued/paid -> cancelled).
CREATE TRIGGER invoice_update_4_immutable BEFORE UPDATE ON invoice
FOR EACH ROW WHEN (OLD.status <> 'draft' AND (
  NEW.kind IS DISTINCT FROM OLD.kind OR NEW.sponsor_id IS DISTINCT FROM OLD.sponsor_id OR
  NEW.number IS DISTINCT FROM OLD.number OR NEW.issue_date IS DISTINCT FROM OLD.issue_date OR
  NEW.due_date IS DISTINCT FROM OLD.due_date OR NEW.currency IS DISTINCT FROM OLD.currency OR
  NEW.language IS DISTINCT FROM OLD.language OR
  NEW.credited_invoice_id IS DISTINCT FROM OLD.credited_invoice_id OR
  NEW.seller IS DISTINCT FROM OLD.seller OR NEW.buyer IS DISTINCT FROM OLD.buyer OR
  NEW.vat_mention IS DISTINCT FROM OLD.vat_mention OR
  NEW.payment_terms_days IS DISTINCT FROM OLD.payment_terms_days OR
  NEW.net IS DISTINCT FROM OLD.net OR NEW.vat IS DISTINCT FROM OLD.vat OR NEW.gross IS DISTINCT FROM OLD.gross OR
  NEW.status = 'draft'))
EXECUTE FUNCTION sponsordesk_refuse('issued invoice is immutable');

CREATE TRIGGER invoice_no_delete BEFORE DELETE ON invoice
FOR EACH ROW WHEN (OLD.status <> 'draft')
EXECUTE FUNCTION sponsordesk_refuse('issued invoice is immutable');

-- A new invoice is never legacy (db copy inserts a legacy invoice as a
-- draft, then sets the flag with its status).
CREATE TRIGGER invoice_new_not_legacy BEFORE INSERT ON invoice
FOR EACH ROW WHEN (NEW.legacy <> 0)
EXECUTE FUNCTION sponsordesk_refuse('only invoices issued before schema 5 are legacy');

-- The triggers below read the invoice a row belongs to. With several
-- writers, FOR SHARE makes a line, payment, refund or original wait for a
-- concurrent change of that invoice's status, and read the committed one.
CREATE FUNCTION invoice_line_no_insert() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF (SELECT status FROM invoice WHERE id = NEW.invoice_id FOR SHARE) <> 'draft' THEN
    RAISE EXCEPTION 'issued invoice is immutable';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER invoice_line_no_insert BEFORE INSERT ON invoice_line
FOR EACH ROW EXECUTE FUNCTION invoice_line_no_insert();

CREATE FUNCTION invoice_line_no_update() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF (SELECT status FROM invoice WHERE id = OLD.invoice_id FOR SHARE) <> 'draft' THEN
    RAISE EXCEPTION 'issued invoice is immutable';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER invoice_line_no_update BEFORE UPDATE ON invoice_line
FOR EACH ROW EXECUTE FUNCTION invoice_line_no_update();

CREATE FUNCTION invoice_line_no_delete() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF (SELECT status FROM invoice WHERE id = OLD.invoice_id FOR SHARE) <> 'draft' THEN
    RAISE EXCEPTION 'issued invoice is immutable';
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER invoice_line_no_delete BEFORE DELETE ON invoice_line
FOR EACH ROW EXECUTE FUNCTION invoice_line_no_delete();

-- A booking on at most one live invoice. Two finance users putting one
-- booking on two invoices at once: the lock (per booking, until commit)
-- makes the second wait, then see the first's line.
CREATE FUNCTION invoice_line_booking_once() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF NEW.booking_id IS NOT NULL AND (SELECT kind FROM invoice WHERE id = NEW.invoice_id) = 'invoice' THEN
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('sponsordesk.invoice_line_booking_once'),
                                             pg_catalog.hashint8(NEW.booking_id));
    IF EXISTS (SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
               WHERE l.booking_id = NEW.booking_id AND l.invoice_id <> NEW.invoice_id
                 AND i.kind = 'invoice' AND i.status <> 'cancelled') THEN
      RAISE EXCEPTION 'booking is already on a live invoice';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER invoice_line_booking_once BEFORE INSERT ON invoice_line
FOR EACH ROW EXECUTE FUNCTION invoice_line_booking_once();

CREATE FUNCTION payment_on_issued_invoice() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF (SELECT kind = 'invoice' AND status IN ('issued','paid') FROM invoice WHERE id = NEW.invoice_id FOR SHARE)
     IS NOT TRUE THEN
    RAISE EXCEPTION 'payments are recorded on issued invoices only';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER payment_on_issued_invoice BEFORE INSERT ON payment
FOR EACH ROW EXECUTE FUNCTION payment_on_issued_invoice();

CREATE TRIGGER invoice_sequence_forward BEFORE UPDATE ON invoice_sequence
FOR EACH ROW WHEN (NEW.last < OLD.last OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.year IS DISTINCT FROM OLD.year)
EXECUTE FUNCTION sponsordesk_refuse('invoice numbers are never reused');

CREATE TRIGGER invoice_sequence_no_delete BEFORE DELETE ON invoice_sequence
FOR EACH ROW EXECUTE FUNCTION sponsordesk_refuse('invoice numbers are never reused');

CREATE FUNCTION invoice_original_of_issued() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF (SELECT status <> 'draft' FROM invoice WHERE id = NEW.invoice_id FOR SHARE) IS NOT TRUE THEN
    RAISE EXCEPTION 'an original is stored for an issued invoice only';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER invoice_original_of_issued BEFORE INSERT ON invoice_original
FOR EACH ROW EXECUTE FUNCTION invoice_original_of_issued();

CREATE TRIGGER invoice_original_no_update BEFORE UPDATE ON invoice_original
FOR EACH ROW EXECUTE FUNCTION sponsordesk_refuse('the issued original is immutable');

CREATE TRIGGER invoice_original_no_delete BEFORE DELETE ON invoice_original
FOR EACH ROW EXECUTE FUNCTION sponsordesk_refuse('the issued original is immutable');

CREATE FUNCTION refund_on_credit_note() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF (SELECT kind = 'credit_note' AND status <> 'draft' FROM invoice WHERE id = NEW.invoice_id FOR SHARE)
     IS NOT TRUE THEN
    RAISE EXCEPTION 'refunds are recorded on issued credit notes only';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER refund_on_credit_note BEFORE INSERT ON refund
FOR EACH ROW EXECUTE FUNCTION refund_on_credit_note();

CREATE TRIGGER refund_no_update BEFORE UPDATE ON refund
FOR EACH ROW EXECUTE FUNCTION sponsordesk_refuse('a recorded refund is immutable');

CREATE TRIGGER refund_no_delete BEFORE DELETE ON refund
FOR EACH ROW EXECUTE FUNCTION sponsordesk_refuse('a recorded refund is immutable');
)SQL";

// What only a shared server needs: the log's stamp and the editors' limit.
constexpr const char* kServerTriggers = R"SQL(
-- Who and when are the database's to say: the session's user (not the
-- current role: SET ROLE does not change it) and the transaction's UTC
-- time. Only db copy keeps the historic ones it copies, as an admin with
-- sponsordesk.copying set. An id is the sequence's: one beyond its last
-- value would make somebody else's later write fail.
CREATE FUNCTION activity_stamp() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  IF pg_catalog.current_setting('sponsordesk.copying', true) = 'on'
     AND pg_catalog.pg_has_role(session_user, '{p}_admin', 'MEMBER') THEN
    RETURN NEW;
  END IF;
  NEW.actor := session_user;
  NEW.at := pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  IF NEW.id > coalesce(pg_catalog.pg_sequence_last_value(pg_catalog.pg_get_serial_sequence('activity', 'id')::regclass), 0) THEN
    RAISE EXCEPTION 'activity ids are given by the database' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER activity_stamp BEFORE INSERT ON activity
FOR EACH ROW EXECUTE FUNCTION activity_stamp();

-- Nobody has these privileges; the triggers stop the owner and superusers too.
CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
FOR EACH ROW EXECUTE FUNCTION sponsordesk_refuse('the activity log cannot be changed');

CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity
FOR EACH ROW EXECUTE FUNCTION sponsordesk_refuse('the activity log cannot be changed');

CREATE TRIGGER activity_no_truncate BEFORE TRUNCATE ON activity
FOR EACH STATEMENT EXECUTE FUNCTION sponsordesk_refuse('the activity log cannot be changed');

-- Editors may write a booking's copy, link and status (and its slot
-- column, which the application writes with the status, unchanged): the
-- status only along confirmed, copy-received, approved, published. Holding,
-- confirming, moving and cancelling are sales'; approving is not theirs. current_user, like the
-- privileges: an admin who SET ROLE editor is an editor.
CREATE FUNCTION booking_status_by_role() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
DECLARE
  booked CONSTANT text[] := ARRAY['confirmed', 'copy-received', 'approved', 'published'];
BEGIN
  IF pg_catalog.pg_has_role(current_user, '{p}_sales', 'USAGE') THEN
    -- Sales set copy but approving it (and so publishing) is the editors'.
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('approved', 'published')
       AND NOT pg_catalog.pg_has_role(current_user, '{p}_editor', 'USAGE') THEN
      RAISE EXCEPTION 'permission denied: only editors and admin approve copy'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.slot IS DISTINCT FROM OLD.slot THEN
    RAISE EXCEPTION 'permission denied: only sales and admin move a booking to another slot'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT (OLD.status = ANY (booked) AND NEW.status = ANY (booked)) THEN
    RAISE EXCEPTION 'permission denied: only sales and admin change a booking from % to %', OLD.status, NEW.status
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER booking_status_by_role BEFORE UPDATE ON booking
FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.slot IS DISTINCT FROM OLD.slot)
EXECUTE FUNCTION booking_status_by_role();
)SQL";

// A team's people: login roles in one of the four groups. An admin manages
// them through these functions, which run as {p}_owner (SECURITY DEFINER:
// the owner alone holds CREATEROLE), so that no person needs CREATEROLE,
// which would let them make themselves the owner. They touch only roles in
// SponsorDesk's groups, never another login of the server, and write the
// activity log in the same transaction.
constexpr const char* kUsers = R"SQL(
CREATE FUNCTION sponsordesk_check_admin() RETURNS void
  LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
BEGIN
  IF NOT pg_catalog.pg_has_role(session_user, '{p}_admin', 'MEMBER') THEN
    RAISE EXCEPTION 'permission denied: only an admin manages users' USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$;

CREATE FUNCTION sponsordesk_role_of(who text) RETURNS text
  LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
SELECT CASE
  WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = who) THEN ''
  WHEN pg_catalog.pg_has_role(who, '{p}_admin', 'MEMBER') THEN 'admin'
  WHEN pg_catalog.pg_has_role(who, '{p}_finance', 'MEMBER') THEN 'finance'
  WHEN pg_catalog.pg_has_role(who, '{p}_editor', 'MEMBER') THEN 'editor'
  WHEN pg_catalog.pg_has_role(who, '{p}_sales', 'MEMBER') THEN 'sales'
  ELSE ''
END
$$;

CREATE FUNCTION sponsordesk_users() RETURNS TABLE (name text, role text)
  LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
SELECT r.rolname::text, sponsordesk_role_of(r.rolname)
FROM pg_catalog.pg_roles r
WHERE r.rolcanlogin AND sponsordesk_role_of(r.rolname) <> ''
ORDER BY r.rolname
$$;

CREATE FUNCTION sponsordesk_user_add(who text, new_role text, secret text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM sponsordesk_check_admin();
  IF new_role NOT IN ('sales', 'editor', 'finance', 'admin') THEN
    RAISE EXCEPTION 'unknown role %', new_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = who) THEN
    RAISE EXCEPTION 'user % already exists', who USING ERRCODE = 'duplicate_object';
  END IF;
  IF secret IS NULL THEN
    EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN', who);
  ELSE
    EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN PASSWORD %L', who, secret);
  END IF;
  EXECUTE pg_catalog.format('GRANT %I TO %I', '{p}_' || new_role, who);
  INSERT INTO activity (at, actor, action, object_kind, object_id, summary)
    VALUES ('', '', 'user add', 'user', NULL, pg_catalog.format('%s as %s', who, new_role));
END $$;

CREATE FUNCTION sponsordesk_user_set_role(who text, new_role text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE old text := sponsordesk_role_of(who);
BEGIN
  PERFORM sponsordesk_check_admin();
  IF new_role NOT IN ('sales', 'editor', 'finance', 'admin') THEN
    RAISE EXCEPTION 'unknown role %', new_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF old = '' THEN
    RAISE EXCEPTION 'no SponsorDesk user %', who USING ERRCODE = 'undefined_object';
  END IF;
  EXECUTE pg_catalog.format('REVOKE {p}_sales, {p}_editor, {p}_finance, {p}_admin FROM %I', who);
  EXECUTE pg_catalog.format('GRANT %I TO %I', '{p}_' || new_role, who);
  INSERT INTO activity (at, actor, action, object_kind, object_id, summary)
    VALUES ('', '', 'user set-role', 'user', NULL, pg_catalog.format('%s: %s -> %s', who, old, new_role));
END $$;

CREATE FUNCTION sponsordesk_user_remove(who text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE old text := sponsordesk_role_of(who);
BEGIN
  PERFORM sponsordesk_check_admin();
  IF old = '' THEN
    RAISE EXCEPTION 'no SponsorDesk user %', who USING ERRCODE = 'undefined_object';
  END IF;
  IF who = session_user THEN
    RAISE EXCEPTION 'you cannot remove yourself' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE pg_catalog.format('DROP ROLE %I', who);
  INSERT INTO activity (at, actor, action, object_kind, object_id, summary)
    VALUES ('', '', 'user remove', 'user', NULL, pg_catalog.format('%s (was %s)', who, old));
END $$;

REVOKE ALL ON FUNCTION sponsordesk_user_add(text, text, text), sponsordesk_user_set_role(text, text),
  sponsordesk_user_remove(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sponsordesk_user_add(text, text, text), sponsordesk_user_set_role(text, text),
  sponsordesk_user_remove(text) TO {p}_admin;
)SQL";

// SPEC "Working as a team": who may write what. Identity columns need no
// sequence privilege to insert; USAGE is granted for nextval/currval, and
// the admin's UPDATE is for db copy's setval.
constexpr const char* kGrants = R"SQL(
GRANT INSERT ON activity TO {p}_sales, {p}_editor, {p}_finance, {p}_admin;
GRANT USAGE ON SEQUENCE activity_id_seq TO {p}_sales, {p}_editor, {p}_finance, {p}_admin;

GRANT INSERT, UPDATE, DELETE ON sponsor, contact, booking TO {p}_sales;
GRANT USAGE ON SEQUENCE sponsor_id_seq, contact_id_seq, booking_id_seq TO {p}_sales;

GRANT UPDATE (copy, link, status, slot) ON booking TO {p}_editor;
GRANT INSERT, UPDATE ON issue TO {p}_editor;
GRANT INSERT ON draft_revision TO {p}_editor;
GRANT INSERT, UPDATE, DELETE ON house_ad, link_click TO {p}_editor;
GRANT USAGE ON SEQUENCE issue_id_seq, draft_revision_id_seq, link_click_id_seq TO {p}_editor;

GRANT INSERT, UPDATE, DELETE ON invoice, invoice_line, payment, refund, invoice_original TO {p}_finance;
GRANT INSERT, UPDATE ON invoice_sequence TO {p}_finance;
GRANT UPDATE ON publisher TO {p}_finance;
GRANT USAGE ON SEQUENCE invoice_id_seq, invoice_line_id_seq, payment_id_seq, refund_id_seq TO {p}_finance;

-- The admin is also a member of sales, editor and finance.
GRANT INSERT, UPDATE, DELETE ON publication, placement TO {p}_admin;
GRANT USAGE, UPDATE ON SEQUENCE publication_id_seq, placement_id_seq, issue_id_seq, draft_revision_id_seq,
  sponsor_id_seq, contact_id_seq, booking_id_seq, invoice_id_seq, invoice_line_id_seq, payment_id_seq,
  refund_id_seq, link_click_id_seq, activity_id_seq TO {p}_admin;

DO $$
DECLARE s text := pg_catalog.current_schema();
BEGIN
  IF (SELECT nspowner FROM pg_catalog.pg_namespace WHERE nspname = s) = '{p}_owner'::pg_catalog.regrole::oid THEN
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO {p}_sales, {p}_editor, {p}_finance, {p}_admin', s);
  END IF;
END $$;

RESET ROLE;
REVOKE {p}_owner FROM CURRENT_USER;
ALTER ROLE {p}_owner CREATEROLE;
)SQL";

}  // namespace

std::string create_sql(const std::string& prefix) {
    check_prefix(prefix);
    std::string everyone;
    for (auto t : kTables) everyone += (everyone.empty() ? "" : ", ") + std::string(t);
    std::string sql = std::string(kRoles) + kCompatibility + binary_text(kTablesSql) + kInvoiceTriggers +
                      kServerTriggers + kUsers + "\nREVOKE ALL ON " + everyone + " FROM PUBLIC;\nGRANT SELECT ON " +
                      everyone + " TO {p}_sales, {p}_editor, {p}_finance, {p}_admin;\n" + kGrants;
    return replace_all(sql, "{p}", prefix);
}

std::string drop_roles_sql(const std::string& prefix) {
    check_prefix(prefix);
    // A schema the owner role holds goes back to the database owner (public's
    // default) rather than being dropped with the rest of what it owns.
    return replace_all(R"SQL(
DO $$
DECLARE r text; s text;
BEGIN
  FOREACH r IN ARRAY ARRAY['{p}_admin', '{p}_sales', '{p}_editor', '{p}_finance', '{p}_owner'] LOOP
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
      FOR s IN SELECT nspname FROM pg_catalog.pg_namespace WHERE nspowner = r::pg_catalog.regrole::oid LOOP
        EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO pg_database_owner', s);
      END LOOP;
      EXECUTE pg_catalog.format('DROP OWNED BY %I', r);
      EXECUTE pg_catalog.format('DROP ROLE %I', r);
    END IF;
  END LOOP;
END $$;
)SQL",
                       "{p}", prefix);
}

}  // namespace sponsordesk::pg_schema
