#include "error_text.h"

#include <cstdint>
#include <vector>

#include "gui_util.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/money.h"

// Plural message ids are UTF-8 too (see gui_util.h for _()); the name stays
// wxPLURAL so that xgettext's keyword finds them.

namespace sponsordesk::gui {
namespace {

// Values as people read them: dates in the locale's order, lists joined.
wxString date_value(const Error& e, const std::string& key) {
    const std::string iso = e.text(key);
    try {
        return format_date(Date::parse(iso));
    } catch (const std::exception&) {
        return wx(iso);
    }
}

wxString joined(const std::vector<std::string>& items) {
    wxString out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? _(" and ") : wxString(wxS(", "));
        out += wx(items[i]);
    }
    return out;
}

wxString quoted(const Error& e, const std::string& key) {
    // TRANSLATORS: a value the user typed, quoted.
    return wxString::Format(_("“%s”"), wx(e.text(key)));
}

wxString status_word(const std::string& status) {
    try {
        return status_label(booking_status_from(status));
    } catch (const std::exception&) {
        return wx(status);
    }
}

wxString money_value(const Error& e, const std::string& key) {
    try {
        return format_money_ui(parse_amount(e.text(key)), e.text("currency"));
    } catch (const std::exception&) {
        return wx(e.text(key));
    }
}

wxString field_or_value(const Error& e) {
    const wxString label = field_label(e.field());
    return label.empty() ? _("This value") : label;
}

// A booking over several issues refused on some dates: each date with the
// reason, in a word, that the rules gave for it.
wxString refused_reason(const std::string& code) {
    if (code == "slot_taken") return _("slot taken");
    if (code == "competitor_conflict") return _("competitor in the issue");
    if (code == "issue_sent") return _("issue already sent");
    if (code == "hold_after_issue") return _("hold ends after the issue");
    if (code == "placement_inactive") return _("placement no longer offered");
    if (code == "sponsor_archived") return _("sponsor archived");
    return _("refused");
}

wxString dates_refused_text(const Error& e) {
    const auto dates = e.list("dates");
    const auto reasons = e.list("reasons");
    wxString list;
    for (size_t i = 0; i < dates.size(); ++i) {
        if (i > 0) list += wxS(", ");
        std::string iso = dates[i];
        wxString day = wx(iso);
        try {
            day = format_date(Date::parse(iso));
        } catch (const std::exception&) {
        }
        // TRANSLATORS: a date, then why it cannot be booked.
        list += wxString::Format(_("%s (%s)"), day, i < reasons.size() ? refused_reason(reasons[i]) : _("refused"));
    }
    // TRANSLATORS: %s lists the refused dates with their reasons.
    return wxString::Format(wxPLURAL("Nothing was booked: this date cannot be booked: %s.",
                                     "Nothing was booked: these dates cannot be booked: %s.", dates.size()),
                            list);
}

wxString invalid_input_text(const Error& e) {
    const wxString field = field_or_value(e);
    switch (e.code()) {
        case ErrorCode::NotUtf8:
            // TRANSLATORS: %s is a field name, e.g. "Name".
            return wxString::Format(_("%s holds characters that are not valid text."), field);
        case ErrorCode::Empty:
            return wxString::Format(_("%s cannot be empty."), field);
        case ErrorCode::TooLong:
            if (e.text("unit") == "bytes")
                return wxString::Format(_("%s is too long: at most %lld bytes."), field,
                                        static_cast<long long>(e.number("max")));
            return wxString::Format(wxPLURAL("%s is too long: at most %lld character.",
                                             "%s is too long: at most %lld characters.", e.number("max")),
                                    field, static_cast<long long>(e.number("max")));
        case ErrorCode::ControlCharacter:
            return wxString::Format(_("%s contains a control character."), field);
        case ErrorCode::InvalidFormat:
            // TRANSLATORS: a field name, then the value typed.
            return wxString::Format(_("%s %s is not valid."), field, quoted(e, "value"));
        case ErrorCode::InvalidChecksum:
            return wxString::Format(_("%s %s is not valid: its check digits do not match."), field, quoted(e, "value"));
        case ErrorCode::SiretAsSiren:
            return wxString::Format(_("%s has 14 digits: that is a SIRET. Type it in the SIRET field; the SIREN is "
                                      "its first 9 digits."),
                                    quoted(e, "value"));
        case ErrorCode::SiretOtherSiren:
            return wxString::Format(_("The SIRET %s does not begin with the SIREN %s."), quoted(e, "value"),
                                    wx(e.text("siren")));
        case ErrorCode::VatOtherSiren:
            return wxString::Format(_("The VAT number %s is not that of the SIREN %s."), quoted(e, "value"),
                                    wx(e.text("siren")));
        case ErrorCode::OutOfRange:
            if (e.has("min") && e.has("max"))
                return wxString::Format(_("%s must be between %lld and %lld."), field,
                                        static_cast<long long>(e.number("min")),
                                        static_cast<long long>(e.number("max")));
            if (e.has("max"))
                return wxString::Format(_("%s must be at most %lld."), field, static_cast<long long>(e.number("max")));
            return wxString::Format(_("%s must be at least %lld."), field, static_cast<long long>(e.number("min")));
        case ErrorCode::NotWholeNumber:
            return wxString::Format(_("%s %s is not a whole number."), field, quoted(e, "value"));
        case ErrorCode::InvalidAmount:
            return wxString::Format(_("%s is not an amount: type digits, e.g. 1500 or 1 500,50."), quoted(e, "value"));
        case ErrorCode::NegativeAmount:
            return wxString::Format(_("%s is negative: amounts are 0 or more."), quoted(e, "value"));
        case ErrorCode::InvalidDate:
            // A send date in a platform's export (import stats/clicks): say which dates are read.
            if (e.field() == "date" && e.has("line"))
                return wxString::Format(_("%s is not a date SponsorDesk reads: export the dates as YYYY-MM-DD (or "
                                          "2026-03-03T08:00, or “Mar 3, 2026”); 03/04/2026 is refused, its day and "
                                          "month could be either."),
                                        quoted(e, "value"));
            return wxString::Format(_("%s is not a valid date."), quoted(e, "value"));
        case ErrorCode::InvalidChoice:
            return wxString::Format(_("%s %s is not one of the allowed values."), field, quoted(e, "value"));
        case ErrorCode::InvalidPeriod:
            if (e.has("max_years"))
                return wxString::Format(_("The period from %s to %s is longer than %lld years."), date_value(e, "from"),
                                        date_value(e, "to"), static_cast<long long>(e.number("max_years")));
            return wxString::Format(_("The period ends (%s) before it starts (%s)."), date_value(e, "to"),
                                    date_value(e, "from"));
        case ErrorCode::DateInFuture:
            return wxString::Format(_("The date %s is after today."), date_value(e, "date"));
        case ErrorCode::DateTooEarly:
            return wxString::Format(_("The date %s is before invoice %s was issued (%s)."), date_value(e, "date"),
                                    wx(e.text("invoice")), date_value(e, "earliest"));
        case ErrorCode::InvalidLink:
            return wxString::Format(_("The link %s is refused: only http, https and mailto links are allowed."),
                                    quoted(e, "value"));
        case ErrorCode::AmbiguousReference:
            return wxString::Format(_("%s names two different sponsors."), quoted(e, "value"));
        case ErrorCode::WordLimit:
            return wxString::Format(
                wxPLURAL("The copy has %lld words; placement %s allows at most %lld word.",
                         "The copy has %lld words; placement %s allows at most %lld words.", e.number("max")),
                static_cast<long long>(e.number("words")), wx(e.text("placement")),
                static_cast<long long>(e.number("max")));
        case ErrorCode::NewBookingStatus:
            return _("A new booking is either a hold or confirmed.");
        case ErrorCode::HoldUntilNotHold:
            return _("Only a hold has an expiry date.");
        case ErrorCode::HoldInPast:
            return wxString::Format(_("The hold cannot end in the past (%s)."), date_value(e, "date"));
        case ErrorCode::HoldAfterIssue:
            return wxString::Format(_("The hold cannot end after the issue (%s): choose %s at the latest."),
                                    date_value(e, "date"), date_value(e, "issue_date"));
        case ErrorCode::NeedsCopy:
            return wxString::Format(_("The status %s needs copy: import as confirmed, then add the copy."),
                                    status_word(e.text("value")));
        case ErrorCode::PlacementNotFound:
            return wxString::Format(_("Placement %s is not offered by this publication."), quoted(e, "value"));
        case ErrorCode::MissingInvoiceData: {
            // Keys are "seller.postcode", "buyer.siren": the part after the
            // dot is the form field's key.
            std::vector<std::string> seller, buyer;
            for (const auto& key : e.list("fields")) {
                const auto dot = key.find('.');
                const std::string form_key = dot == std::string::npos ? key : key.substr(dot + 1);
                wxString label = field_label(form_key == "name" ? "legal_name" : form_key);
                if (label.empty()) label = wx(form_key);
                (key.rfind("seller.", 0) == 0 ? seller : buyer).push_back(utf8(label));
            }
            wxString text = _("The invoice cannot be issued yet.");
            if (!seller.empty())
                // TRANSLATORS: %s lists fields of the publisher profile.
                text += wxS(" ") + wxString::Format(_("The publisher profile lacks: %s (Preferences ▸ Publisher)."),
                                                    joined(seller));
            if (!buyer.empty())
                // TRANSLATORS: the sponsor's name, then the list of its missing fields.
                text += wxS(" ") + wxString::Format(_("Sponsor %s lacks: %s (Sponsors view)."), wx(e.text("sponsor")),
                                                    joined(buyer));
            return text;
        }
        case ErrorCode::MissingEurRate:
            return wxString::Format(_("This invoice is in %s: give the euros per %s of the issue date."),
                                    wx(e.text("currency")), wx(e.text("currency")));
        case ErrorCode::EurRateNotApplicable:
            return _("This invoice is in euros: no exchange rate is needed.");
        case ErrorCode::VatRateNotApplicable:
            return _(
                "This invoice carries no VAT (reverse charge, export or franchise): a line cannot have a VAT "
                "rate.");
        case ErrorCode::DatesRefused:
            return dates_refused_text(e);
        case ErrorCode::MixedCurrencies:
            return wxString::Format(_("These bookings are in %s: an invoice has one currency, so invoice each "
                                      "currency separately."),
                                    joined(e.list("currencies")));
        case ErrorCode::OtherSponsor:
            return wxString::Format(_("Booking %lld is booked by %s, not by %s."),
                                    static_cast<long long>(e.number("booking")), wx(e.text("owner")),
                                    wx(e.text("sponsor")));
        case ErrorCode::BookingListedTwice:
            return wxString::Format(_("Booking %lld is listed twice."), static_cast<long long>(e.number("booking")));
        case ErrorCode::NoBookingsListed:
            return _("Choose the bookings to invoice.");
        case ErrorCode::InvalidFile:
            if (e.has("reason") && e.text("reason") == "short_row")
                return _("This row has fewer fields than the header.");
            return _("The file cannot be read: it is not in the expected format.");
        case ErrorCode::FileNotUtf8:
            // TRANSLATORS: %s is a file name. "CSV UTF-8" is the name of the format in Excel's Save As dialog.
            return wxString::Format(_("%s is not UTF-8 text: export it again, or save it as “CSV UTF-8”."),
                                    quoted(e, "path"));
        case ErrorCode::ColumnNotFound: {
            std::vector<std::string> wanted, present;
            for (const auto& c : e.list("columns")) wanted.push_back("“" + c + "”");
            for (const auto& h : e.list("headers")) present.push_back("“" + h + "”");
            // TRANSLATORS: the headers looked for, then the headers the CSV file has.
            return wxString::Format(_("The file has no column %s. Its columns are %s."), joined(wanted),
                                    joined(present));
        }
        case ErrorCode::RowRepeated:
            return wxString::Format(_("The issue of %s is already in the file, on line %lld."), date_value(e, "value"),
                                    static_cast<long long>(e.number("first_line")));
        default:
            break;
    }
    return {};
}

wxString not_found_text(const Error& e) {
    switch (e.code()) {
        case ErrorCode::SponsorNotFound:
            if (e.has("value")) return wxString::Format(_("No sponsor %s."), quoted(e, "value"));
            return wxString::Format(_("Sponsor %lld no longer exists."), static_cast<long long>(e.number("id")));
        case ErrorCode::PublicationNotFound:
            if (e.has("value")) return wxString::Format(_("No publication %s."), quoted(e, "value"));
            return _("This publication no longer exists.");
        case ErrorCode::PlacementNotFound:
            if (e.has("value")) return wxString::Format(_("No placement %s in this publication."), quoted(e, "value"));
            return _("This placement no longer exists.");
        case ErrorCode::IssueNotFound:
            if (e.list("dates").size() > 1) {
                std::vector<std::string> days;
                for (const auto& iso : e.list("dates")) {
                    try {
                        days.push_back(std::string(format_date(Date::parse(iso)).utf8_str()));
                    } catch (const std::exception&) {
                        days.push_back(iso);
                    }
                }
                return wxString::Format(_("No issue on %s: nothing was booked."), joined(days));
            }
            if (e.has("date")) return wxString::Format(_("No issue on %s."), date_value(e, "date"));
            return _("This issue no longer exists.");
        case ErrorCode::BookingNotFound:
            return wxString::Format(_("Booking %lld no longer exists."), static_cast<long long>(e.number("id")));
        case ErrorCode::InvoiceNotFound:
            return _("This invoice no longer exists.");
        case ErrorCode::RevisionNotFound:
            return wxString::Format(_("The draft has no revision %lld."), static_cast<long long>(e.number("revision")));
        case ErrorCode::NoIssuesSelected:
            // TRANSLATORS: weekdays as typed (mon,thu), then the period.
            return wxString::Format(_("No issue on %s from %s to %s: plan the issues first."), wx(e.text("weekdays")),
                                    date_value(e, "from"), date_value(e, "to"));
        case ErrorCode::NothingToInvoice:
            return wxString::Format(_("%s has no bookings left to invoice in this month."), wx(e.text("sponsor")));
        case ErrorCode::FileNotFound:
            return wxString::Format(_("Cannot read %s."), quoted(e, "path"));
        case ErrorCode::NotARegularFile:
            return wxString::Format(_("%s is not a file that can be read."), quoted(e, "path"));
        case ErrorCode::FileTooLarge:
            return wxString::Format(_("%s is too large: at most %lld bytes."), quoted(e, "path"),
                                    static_cast<long long>(e.number("max")));
        case ErrorCode::NoContactEmail:
            return _("Nobody at this sponsor has an email address.");
        case ErrorCode::NoBookingsInPeriod:
            return wxString::Format(_("%s has no booked slot in the issues from %s to %s."), wx(e.text("sponsor")),
                                    date_value(e, "from"), date_value(e, "to"));
        default:
            break;
    }
    return {};
}

wxString conflict_text(const Error& e) {
    const long long booking = static_cast<long long>(e.number("booking"));
    switch (e.code()) {
        case ErrorCode::DatesRefused:
            return dates_refused_text(e);
        case ErrorCode::SlotTaken: {
            const auto holders = e.list("holders");
            if (holders.empty())
                return wxString::Format(_("Every slot of %s is taken in this issue."), wx(e.text("placement")));
            return wxString::Format(_("Every slot of %s is taken in this issue, by %s."), wx(e.text("placement")),
                                    joined(holders));
        }
        case ErrorCode::CompetitorConflict: {
            const auto names = e.list("competitors");
            if (names.empty())
                return wxString::Format(_("A sponsor in the category “%s” is already booked in this issue."),
                                        wx(e.text("category")));
            // TRANSLATORS: %s is one or more sponsor names, then the category they share.
            return wxString::Format(
                wxPLURAL("%s, a competitor in the category “%s”, is already booked in this issue.",
                         "%s, competitors in the category “%s”, are already booked in this issue.", names.size()),
                joined(names), wx(e.text("category")));
        }
        case ErrorCode::StatusUnchanged:
            return wxString::Format(_("Booking %lld is already %s."), booking, status_word(e.text("status")));
        case ErrorCode::StatusFinal:
            return wxString::Format(_("Booking %lld is %s: its status can no longer change."), booking,
                                    status_word(e.text("status")));
        case ErrorCode::StatusBackwards:
            return wxString::Format(_("Booking %lld cannot go back from %s to %s."), booking,
                                    status_word(e.text("from")), status_word(e.text("to")));
        case ErrorCode::CopyMissing:
            return wxString::Format(_("Booking %lld has no copy yet: save its copy before marking it %s."), booking,
                                    status_word(e.text("status")));
        case ErrorCode::NotApproved:
            return wxString::Format(_("Booking %lld is %s: only approved copy can be published."), booking,
                                    status_word(e.text("status")));
        case ErrorCode::CopyLocked:
            return wxString::Format(_("Booking %lld is %s: its copy can no longer change."), booking,
                                    status_word(e.text("status")));
        case ErrorCode::AlreadyInvoiced:
            return wxString::Format(_("Booking %lld is on invoice %s: cancel the invoice first."), booking,
                                    e.has("invoice") ? wx(e.text("invoice")) : invoice_ref(e.number("invoice_id"), {}));
        case ErrorCode::SponsorArchived:
            return wxString::Format(_("%s is archived: restore the sponsor before booking."), wx(e.text("sponsor")));
        case ErrorCode::PlacementInactive:
            return wxString::Format(_("Placement %s is no longer offered."), wx(e.text("placement")));
        case ErrorCode::IssueSent:
            return wxString::Format(_("The issue of %s is already sent."), date_value(e, "date"));
        case ErrorCode::NameTaken:
            return wxString::Format(_("The name %s is already taken."), quoted(e, "value"));
        case ErrorCode::SlugTaken:
            return wxString::Format(_("The short name %s is already taken."), quoted(e, "value"));
        case ErrorCode::CodeTaken:
            return wxString::Format(_("The code %s is already used in this publication."), quoted(e, "value"));
        case ErrorCode::DateTaken:
            return wxString::Format(_("There is already an issue on %s (#%lld)."), date_value(e, "date"),
                                    static_cast<long long>(e.number("number")));
        case ErrorCode::CurrencyLocked:
            return wxString::Format(_("This publication has bookings priced in %s: its currency cannot change."),
                                    wx(e.text("currency")));
        case ErrorCode::SlotsInUse:
            return wxString::Format(_("A booking holds slot %lld: the placement cannot offer fewer slots."),
                                    static_cast<long long>(e.number("slot")));
        case ErrorCode::HasHistory:
            return wxString::Format(_("%s has bookings or invoices: archive it instead."), wx(e.text("sponsor")));
        case ErrorCode::NotEmpty:
            return _("This file is not empty: the example year goes only into an empty file.");
        case ErrorCode::BookingCancelled:
            return wxString::Format(_("Booking %lld is cancelled: there is nothing to invoice."), booking);
        case ErrorCode::BookingOnHold:
            return wxString::Format(_("Booking %lld is a hold: confirm it before invoicing it."), booking);
        case ErrorCode::NotDraft:
            return wxString::Format(_("Invoice %s is already issued."), wx(e.text("invoice")));
        case ErrorCode::NumbersFollowDates:
            return wxString::Format(_("Numbers follow dates: one is already dated %s, so this one cannot be dated %s."),
                                    date_value(e, "latest"), date_value(e, "date"));
        case ErrorCode::CreditNoteNoPayment:
            return wxString::Format(_("%s is a credit note: payments are recorded on invoices."),
                                    wx(e.text("invoice")));
        case ErrorCode::DraftNoPayment:
            return wxString::Format(_("Invoice %s is a draft: issue it before recording a payment."),
                                    wx(e.text("invoice")));
        case ErrorCode::InvoiceCancelled:
            return wxString::Format(_("Invoice %s is cancelled: no payment can be recorded on it."),
                                    wx(e.text("invoice")));
        case ErrorCode::Overpayment:
            return wxString::Format(_("The payment of %s is more than the %s outstanding on invoice %s."),
                                    money_value(e, "amount"), money_value(e, "outstanding"), wx(e.text("invoice")));
        case ErrorCode::CreditNoteNotCancellable:
            return wxString::Format(_("%s is a credit note: it cannot be cancelled."), wx(e.text("invoice")));
        case ErrorCode::AlreadyCancelled:
            return wxString::Format(_("Invoice %s is already cancelled."), wx(e.text("invoice")));
        case ErrorCode::DraftNotExported:
            return _("A draft invoice has no number yet: issue it before exporting it.");
        case ErrorCode::NotACreditNote:
            return wxString::Format(_("%s is not a credit note: money paid back is recorded on the credit note."),
                                    wx(e.text("invoice")));
        case ErrorCode::OverRefund:
            return wxString::Format(_("At most %s can be paid back on credit note %s."), money_value(e, "refundable"),
                                    wx(e.text("invoice")));
        case ErrorCode::NoFacturX:
            return wxString::Format(_("%s was issued before Factur-X invoices: it has no e-invoice XML."),
                                    wx(e.text("invoice")));
        default:
            break;
    }
    return {};
}

wxString storage_text(const Error& e) {
    switch (e.code()) {
        case ErrorCode::Locked:
            return _("The database file is locked by another program.");
        case ErrorCode::DiskFull:
            return _("The disk is full: nothing was written.");
        case ErrorCode::NotADatabase:
            return _("This file is not a SponsorDesk database.");
        case ErrorCode::CannotWrite:
            return wxString::Format(_("Cannot write %s."), quoted(e, "path"));
        case ErrorCode::ConnectionLost:
            return wxString::Format(_("The connection to the server %s was lost: the unfinished change was not kept."),
                                    wx(e.text("server")));
        case ErrorCode::ServerUnreachable:
            // TRANSLATORS: the reason that follows comes from the server, untranslated.
            return wxString::Format(_("Cannot connect to the database server: %s"), wx(e.text("reason")));
        case ErrorCode::NotInitialised:
            return wxString::Format(_("The database %s is empty: an administrator prepares it with `db init`."),
                                    wx(e.text("server")));
        default:
            break;
    }
    // TRANSLATORS: the details that follow come from the system, untranslated.
    return wxString::Format(_("The file could not be read or written: %s"), wx(e.what()));
}

}  // namespace

wxString role_name(const std::string& role) {
    if (role == "sales") return _("sales");
    if (role == "editor") return _("editor");
    if (role == "finance") return _("finance");
    if (role == "admin") return _("admin");
    return _("no role");
}

wxString field_label(const std::string& key) {
    if (key == "name") return _("Name");
    if (key == "legal_name") return _("Legal name");
    if (key == "address") return _("Address");
    if (key == "country") return _("Country");
    if (key == "siren") return _("SIREN");
    if (key == "siret") return _("SIRET");
    if (key == "address_line1" || key == "address_line") return _("Street");
    if (key == "address_line2") return _("Address line 2");
    if (key == "postcode") return _("Postcode");
    if (key == "city") return _("City");
    if (key == "legal_form") return _("Legal form");
    if (key == "share_capital") return _("Share capital");
    if (key == "registry") return _("Registry");
    if (key == "einvoice_address") return _("E-invoicing address");
    if (key == "buyer_reference") return _("Buyer reference");
    if (key == "order_reference") return _("Order reference");
    if (key == "vat_regime") return _("VAT regime");
    if (key == "business") return _("Business");
    if (key == "vat_number") return _("VAT number");
    if (key == "category") return _("Category");
    if (key == "payment_terms_days") return _("Payment terms");
    if (key == "vat_rate") return _("VAT rate");
    if (key == "notes") return _("Notes");
    if (key == "email") return _("Email");
    if (key == "phone") return _("Phone");
    if (key == "iban") return _("IBAN");
    if (key == "bic") return _("BIC");
    if (key == "footer") return _("Invoice footer");
    if (key == "slug") return _("Short name");
    if (key == "currency") return _("Currency");
    if (key == "language") return _("Language");
    if (key == "cadence") return _("Sending days");
    if (key == "words_per_minute") return _("Reading speed");
    if (key == "copy_deadline_days") return _("Copy deadline");
    if (key == "code") return _("Code");
    if (key == "heading") return _("Heading");
    if (key == "price" || key == "amount") return _("Price");
    if (key == "max_words") return _("Maximum words");
    if (key == "slots") return _("Slots per issue");
    if (key == "position") return _("Position");
    if (key == "copy") return _("Copy");
    if (key == "link") return _("Link");
    if (key == "house_ad") return _("House ad");
    if (key == "draft") return _("Issue draft");
    if (key == "title") return _("Title");
    if (key == "audience") return _("Audience");
    if (key == "opens") return _("Opens");
    if (key == "clicks") return _("Clicks");
    if (key == "unique clicks") return _("Unique clicks");
    if (key == "date") return _("Date");
    if (key == "hold_until") return _("Hold until");
    return {};
}

std::string error_field(const std::exception& e) {
    if (auto* err = dynamic_cast<const Error*>(&e)) return err->field();
    return {};
}

wxString error_text(const std::exception& e) {
    auto* err = dynamic_cast<const Error*>(&e);
    if (!err) return wx(e.what());
    wxString text;
    switch (err->kind()) {
        case ErrorKind::InvalidInput:
            text = invalid_input_text(*err);
            break;
        case ErrorKind::NotFound:
            text = not_found_text(*err);
            break;
        case ErrorKind::Conflict:
            text = conflict_text(*err);
            break;
        case ErrorKind::Storage:
            text = storage_text(*err);
            break;
        case ErrorKind::NotPermitted:
            text = wxString::Format(_("Your role (%s) may not do this."), role_name(err->text("role")));
            break;
        case ErrorKind::Usage:
            break;
    }
    if (!text.empty()) {
        // An import names the line of its file.
        if (err->has("line"))
            text = wxString::Format(_("Line %lld: %s"), static_cast<long long>(err->number("line")), text);
        return text;
    }
    // A code this file does not word yet (internal errors of exports): the
    // core's own sentence, better than nothing.
    return wx(err->what());
}

}  // namespace sponsordesk::gui
