#pragma once
// Invoices and credit notes: drafts from bookings, gapless numbering, VAT
// regimes, payments, overdue, cancellation by credit note, exports. The CLI
// and the GUI both go through this class.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/export/invoice_document.h"
#include "sponsordesk/export/statement.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/invoice_repository.h"

namespace sponsordesk {

// The status people see: overdue is an issued invoice past its due date and
// not fully paid.
enum class InvoiceState { Draft, Issued, Paid, Overdue, Cancelled };
std::string to_string(InvoiceState s);                  // draft | issued | paid | overdue | cancelled
InvoiceState invoice_state_from(const std::string& s);  // throws InvalidInput

// How VAT applies to a sponsor (EN 16931 VAT category code and the mention
// the invoice must carry).
struct VatTreatment {
    std::string category = "S";  // S standard, AE reverse charge (EU), G outside the EU, E franchise
    RateBp rate = 2000;
    std::string mention;  // in the invoice's language; empty for S
};

struct InvoiceView {
    InvoiceId id() const { return InvoiceId{invoice.id}; }
    Invoice invoice;
    std::string sponsor_name;
    InvoiceState state = InvoiceState::Draft;
    Minor paid = 0;
    Minor outstanding = 0;  // gross − paid for live invoices, 0 otherwise
    int days_overdue = 0;
    std::optional<std::string> credited_number;  // credit notes: the cancelled invoice
    std::optional<Date> credited_date;
    std::optional<std::string> credit_note_number;  // cancelled invoices: their credit note
    std::vector<InvoiceLine> lines;
    std::vector<Payment> payments;
    std::vector<VatBreakdownRow> vat_breakdown;  // one row per category and rate
    // Credit notes: money paid back to the sponsor (invoice refund).
    std::vector<Refund> refunds;
    Minor refunded = 0;
    // An issued invoice for one month's services, issued after that month
    // ended (art. 289 I-3 CGI: due by the end of the month): that month.
    std::optional<Month> month_ended;
};

struct InvoiceQuery {
    std::optional<SponsorId> sponsor;
    std::optional<InvoiceState> state;
};

// What `invoice cancel` did: a draft is deleted; an issued invoice gets a
// credit note.
struct CancelResult {
    InvoiceView invoice;  // as it is now (a deleted draft as it was)
    bool draft_deleted = false;
    std::optional<InvoiceView> credit_note;  // when an issued invoice was cancelled
};

// What the sponsor asks to see on an invoice (invoice create --order-ref,
// --buyer-ref): BT-13 and BT-10. The buyer reference defaults to the
// sponsor's own (Sponsor::buyer_reference) when not given.
struct InvoiceReferences {
    std::string order_reference;
    std::optional<std::string> buyer_reference;
};

class InvoiceService {
public:
    explicit InvoiceService(Database& db) : db_(db) {}

    // A draft from the sponsor's uninvoiced bookings (confirmed or later, not
    // cancelled) whose issue falls in `month`. NotFound when there are none;
    // InvalidInput when they are in several currencies.
    InvoiceView create_for_month(SponsorId sponsor, const Month& month, const InvoiceReferences& refs = {});
    // A draft from the listed bookings: all the sponsor's, one currency,
    // confirmed or later, none on a live invoice (Conflict naming it).
    InvoiceView create_for_bookings(SponsorId sponsor, const std::vector<BookingId>& bookings,
                                    const InvoiceReferences& refs = {});

    // A free line (a production fee…) on a draft: its own description, net
    // amount (> 0) and VAT rate (> 0, at most 100 %), by default the rate the
    // sponsor's bookings are invoiced at now; the rate stays the line's own
    // when the invoice is issued. On an invoice without VAT (reverse charge,
    // outside the EU, franchise) the line takes that treatment, and a rate
    // given is refused (VatRateNotApplicable). Dated as the latest service of
    // the invoice. Conflict NotDraft once issued.
    InvoiceView add_line(InvoiceId id, const std::string& description, Minor amount,
                         std::optional<RateBp> vat_rate = std::nullopt);

    // Gives the next number of the issue date's year, the due date from the
    // sponsor's payment terms, and freezes seller and buyer identity.
    // InvalidInput listing every missing publisher field; Conflict when not
    // a draft or when dated before an invoice already numbered that year.
    // An invoice in another currency than EUR needs `eur_rate_micro` (euros
    // per unit, millionths: its VAT total is shown in euros too); one in EUR
    // refuses it. The PDF and XML are made and stored as the original.
    InvoiceView issue(InvoiceId id, std::optional<Date> date = std::nullopt,
                      std::optional<std::int64_t> eur_rate_micro = std::nullopt);
    // The number issue(id, date) would give now, for a front end to show
    // before asking; nothing is written. The same refusals as issue().
    std::string next_number(InvoiceId id, const Date& date);
    // The draft as it would be issued on `date` (VAT, due date, seller and
    // buyer as they are now), with no number and marked as a preview;
    // Conflict when the invoice is not a draft.
    InvoiceDocument preview_document(InvoiceId id, const Date& date);
    void export_preview_pdf(InvoiceId id, const Date& date, const std::string& path);
    // Partial payments allowed; Conflict for a draft, cancelled invoice,
    // credit note, or an amount above what is outstanding.
    InvoiceView pay(InvoiceId id, Minor amount, const Date& date);
    // A draft is deleted; an issued (or paid) invoice is cancelled by a
    // credit note for its full amount, which frees its bookings.
    CancelResult cancel(InvoiceId id, std::optional<Date> date = std::nullopt);

    InvoiceView get(InvoiceId id);  // NotFound
    // Lookups for the CLI's resolver: an invoice or credit note by its
    // number ("2026-0001", "AV-2026-0001"), or by id.
    std::optional<InvoiceId> find_by_number(const std::string& number);
    bool exists(InvoiceId id);
    std::vector<InvoiceView> list(const InvoiceQuery& q);
    std::vector<InvoiceView> list_for_sponsor(SponsorId sponsor);
    // Bookings a new invoice for the sponsor can take, by issue date; a month
    // narrows them to that month's issues.
    std::vector<BookingView> uninvoiced_bookings(SponsorId sponsor, std::optional<Month> month = std::nullopt);

    // The issued invoice or credit note as the export layer wants it.
    InvoiceDocument document(InvoiceId id);
    // An issued invoice or credit note: the original stored when it was
    // issued, byte for byte (Factur-X PDF/A-3 with its XML); one issued
    // before SponsorDesk made Factur-X: its plain PDF (Legacy). A draft: a
    // preview dated today, marked "not an invoice" (Preview).
    enum class PdfKind { FacturX, Legacy, Preview };
    PdfKind export_pdf(InvoiceId id, const std::string& path);
    // The original's CII XML alone; Conflict for a draft (it has no number:
    // a preview is never an e-invoice) and for a legacy invoice (none).
    void export_cii(InvoiceId id, const std::string& path);
    void export_xlsx(InvoiceId id, const std::string& path);
    // Money paid back to the sponsor on a credit note: at most what was paid
    // on the cancelled invoice, less what was already refunded; dated on or
    // after the credit note, not in the future.
    InvoiceView refund(InvoiceId credit_note, Minor amount, const Date& date);
    // Every invoice, credit note and payment of the sponsor; `currency`
    // is needed only when the sponsor was invoiced in several.
    Statement statement(SponsorId sponsor, std::optional<std::string> currency = std::nullopt);
    void export_statement(SponsorId sponsor, const std::string& path,
                          std::optional<std::string> currency = std::nullopt);

    static VatTreatment vat_treatment(const Publisher& seller, const Sponsor& s, const std::string& language);
    static bool is_eu_country(const std::string& country_code);

private:
    InvoiceView create(const Sponsor& sponsor, const std::vector<BookingView>& bookings, const InvoiceReferences& refs);
    static InvoiceReferences validated(InvoiceReferences refs);
    InvoiceView view(const InvoiceRow& row, const Date& today);
    static InvoiceDocument document_of(const InvoiceView& v);
    // Makes the Factur-X PDF and XML of a just-numbered document and stores
    // them, in the caller's transaction.
    void store_original(InvoiceId id);
    Database& db_;
};

}  // namespace sponsordesk
