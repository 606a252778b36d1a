#pragma once
// Storage of invoices, credit notes, their lines, payments and numbering.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/export/invoice_document.h"  // InvoiceKind
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// As stored. Overdue is not stored: it is derived from the due date.
enum class InvoiceStatus { Draft, Issued, Paid, Cancelled };
std::string to_string(InvoiceStatus s);  // draft | issued | paid | cancelled
InvoiceStatus invoice_status_from_stored(const std::string& s);
std::string to_string(InvoiceKind k);  // invoice | credit_note

struct InvoiceLine {
    Id id = 0;
    Id invoice_id = 0;
    std::optional<Id> booking_id;
    int position = 0;
    std::string description;
    Date service_date;
    int quantity = 1;
    Minor unit_net = 0;
    // The placement's list price when sold under it (the discount shows on
    // the invoice); 0 when sold at list price. Negative on credit notes.
    Minor list_unit = 0;
    Minor net = 0;
    RateBp vat_rate = 0;
    std::string vat_category = "S";  // EN 16931 UNCL5305: S, AE, G
    Minor vat = 0;
    Minor gross = 0;
};

struct Invoice {
    Id id = 0;
    InvoiceKind kind = InvoiceKind::Invoice;
    Id sponsor_id = 0;
    std::optional<std::string> number;  // empty while draft
    InvoiceStatus status = InvoiceStatus::Draft;
    std::optional<Date> issue_date, due_date;
    std::string currency = "EUR";
    std::string language = "fr";
    std::optional<Id> credited_invoice_id;  // credit notes: the invoice they cancel
    std::string seller = "{}";              // JSON snapshot taken at issue time
    std::string buyer = "{}";               // JSON snapshot taken at issue time
    std::string vat_mention;
    int payment_terms_days = 30;
    Minor net = 0, vat = 0, gross = 0;
    std::string created_at;
    std::string order_reference;  // BT-13, the sponsor's purchase order; may be empty
    std::string buyer_reference;  // BT-10; may be empty
    // Euros per unit of `currency` in millionths (1.0843 EUR per USD =
    // 1084300); empty for EUR, and until the invoice is issued.
    std::optional<std::int64_t> eur_rate_micro;
    // Issued before schema 5 (the 2026 fields): exported as the plain PDF it
    // was, without Factur-X XML. Only the migration sets it.
    bool legacy = false;
};

struct Payment {
    Id id = 0;
    Id invoice_id = 0;
    Minor amount = 0;
    Date date;
    std::string method = "transfer";
    std::string note;
};

// The issued document as it left: its Factur-X PDF and CII XML, stored at
// issue time and never changed (the storage refuses it), so that every
// later export returns the same bytes.
struct InvoiceOriginal {
    std::string pdf;  // bytes
    std::string xml;  // bytes (UTF-8)
};

// Money paid back to the sponsor on an issued credit note.
struct Refund {
    Id id = 0;
    Id invoice_id = 0;  // the credit note
    Minor amount = 0;   // > 0, in the credit note's currency
    Date date;
};

struct InvoiceFilter {
    std::optional<Id> sponsor_id;
    std::optional<InvoiceStatus> status;  // stored status
    std::optional<InvoiceKind> kind;
};

// An invoice with what lists show beside it.
struct InvoiceRow {
    Invoice invoice;
    std::string sponsor_name;
    Minor paid = 0;
    std::optional<std::string> credited_number;  // credit notes: the cancelled invoice's number
    std::optional<Date> credited_date;
    std::optional<std::string> credit_note_number;  // cancelled invoices: the credit note's number
};

class InvoiceRepository {
public:
    explicit InvoiceRepository(Database& db) : db_(db) {}

    // As a draft (lines can only be added to drafts), with its order and
    // buyer references; eur_rate_micro and legacy are not written here.
    Id insert(const Invoice& inv);
    Id insert_line(const InvoiceLine& line);
    // Draft only (the storage refuses the rest): VAT of a line, totals.
    void update_line_vat(Id line_id, RateBp rate, const std::string& category, Minor vat, Minor gross);
    void update_draft(const Invoice& inv);  // language, currency, mention, terms, totals
    void delete_draft(Id id);
    // Draft only (Conflict NotDraft otherwise; the storage refuses it too).
    void set_references(Id id, const std::string& order_reference, const std::string& buyer_reference);
    // Draft only, before issue() in the issuing transaction: euros per unit
    // × 10^6 (> 0), or nullopt for an invoice in EUR.
    void set_eur_rate(Id id, std::optional<std::int64_t> eur_rate_micro);

    std::optional<Invoice> find(Id id);
    std::optional<Id> find_by_number(const std::string& number);
    std::optional<InvoiceRow> row(Id id);
    std::vector<InvoiceRow> list(const InvoiceFilter& f);
    std::vector<InvoiceLine> lines(Id invoice_id);
    std::vector<Payment> payments(Id invoice_id);
    Minor paid(Id invoice_id);

    // The next number of (kind, year) in the caller's transaction: 1, 2, …
    int next_number(InvoiceKind kind, int year);
    // The number next_number would give now, without taking it (what a
    // confirmation shows before issuing).
    int peek_next_number(InvoiceKind kind, int year);
    // Latest issue date given to a numbered document of (kind, year).
    std::optional<Date> latest_issue_date(InvoiceKind kind, int year);

    // Draft → issued: number, dates and the identity snapshots.
    void issue(Id id, const std::string& number, const Date& issue_date, const Date& due_date,
               const std::string& seller, const std::string& buyer, InvoiceStatus status);
    void set_status(Id id, InvoiceStatus status);
    Id insert_payment(const Payment& p);

    // The credit note that cancels an invoice, if any.
    std::optional<Id> credit_note_of(Id invoice_id);

    // Once per issued invoice or credit note (the storage refuses a draft,
    // a second original, any change or deletion).
    void store_original(Id invoice_id, const InvoiceOriginal& original);
    std::optional<InvoiceOriginal> original(Id invoice_id);

    // Issued credit notes only (the storage refuses anything else); amount > 0.
    Id insert_refund(const Refund& r);
    std::vector<Refund> refunds(Id invoice_id);  // by date, then id
    Minor refunded(Id invoice_id);               // sum of the refunds

private:
    Database& db_;
};

}  // namespace sponsordesk
