#include "sponsordesk/domain/errors.h"

namespace sponsordesk {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::Unspecified:
            return "unspecified";
        case ErrorCode::NotUtf8:
            return "not_utf8";
        case ErrorCode::Empty:
            return "empty";
        case ErrorCode::TooLong:
            return "too_long";
        case ErrorCode::ControlCharacter:
            return "control_character";
        case ErrorCode::InvalidFormat:
            return "invalid_format";
        case ErrorCode::InvalidChecksum:
            return "invalid_checksum";
        case ErrorCode::SiretAsSiren:
            return "siret_as_siren";
        case ErrorCode::SiretOtherSiren:
            return "siret_other_siren";
        case ErrorCode::VatOtherSiren:
            return "vat_other_siren";
        case ErrorCode::OutOfRange:
            return "out_of_range";
        case ErrorCode::NotWholeNumber:
            return "not_whole_number";
        case ErrorCode::InvalidAmount:
            return "invalid_amount";
        case ErrorCode::NegativeAmount:
            return "negative_amount";
        case ErrorCode::InvalidDate:
            return "invalid_date";
        case ErrorCode::InvalidChoice:
            return "invalid_choice";
        case ErrorCode::InvalidPeriod:
            return "invalid_period";
        case ErrorCode::DateInFuture:
            return "date_in_future";
        case ErrorCode::DateTooEarly:
            return "date_too_early";
        case ErrorCode::InvalidLink:
            return "invalid_link";
        case ErrorCode::Usage:
            return "usage";
        case ErrorCode::AmbiguousReference:
            return "ambiguous_reference";
        case ErrorCode::SponsorNotFound:
            return "sponsor_not_found";
        case ErrorCode::PublicationNotFound:
            return "publication_not_found";
        case ErrorCode::PlacementNotFound:
            return "placement_not_found";
        case ErrorCode::IssueNotFound:
            return "issue_not_found";
        case ErrorCode::BookingNotFound:
            return "booking_not_found";
        case ErrorCode::InvoiceNotFound:
            return "invoice_not_found";
        case ErrorCode::NoIssuesSelected:
            return "no_issues_selected";
        case ErrorCode::RevisionNotFound:
            return "revision_not_found";
        case ErrorCode::NothingToInvoice:
            return "nothing_to_invoice";
        case ErrorCode::FileNotFound:
            return "file_not_found";
        case ErrorCode::NotARegularFile:
            return "not_a_regular_file";
        case ErrorCode::FileTooLarge:
            return "file_too_large";
        case ErrorCode::NoBookingsInPeriod:
            return "no_bookings_in_period";
        case ErrorCode::NoContactEmail:
            return "no_contact_email";
        case ErrorCode::SlotTaken:
            return "slot_taken";
        case ErrorCode::CompetitorConflict:
            return "competitor_conflict";
        case ErrorCode::WordLimit:
            return "word_limit";
        case ErrorCode::NewBookingStatus:
            return "new_booking_status";
        case ErrorCode::HoldUntilNotHold:
            return "hold_until_not_hold";
        case ErrorCode::HoldInPast:
            return "hold_in_past";
        case ErrorCode::HoldAfterIssue:
            return "hold_after_issue";
        case ErrorCode::StatusUnchanged:
            return "status_unchanged";
        case ErrorCode::StatusFinal:
            return "status_final";
        case ErrorCode::StatusBackwards:
            return "status_backwards";
        case ErrorCode::CopyMissing:
            return "copy_missing";
        case ErrorCode::NotApproved:
            return "not_approved";
        case ErrorCode::CopyLocked:
            return "copy_locked";
        case ErrorCode::AlreadyInvoiced:
            return "already_invoiced";
        case ErrorCode::SponsorArchived:
            return "sponsor_archived";
        case ErrorCode::PlacementInactive:
            return "placement_inactive";
        case ErrorCode::IssueSent:
            return "issue_sent";
        case ErrorCode::NeedsCopy:
            return "needs_copy";
        case ErrorCode::DatesRefused:
            return "dates_refused";
        case ErrorCode::NameTaken:
            return "name_taken";
        case ErrorCode::SlugTaken:
            return "slug_taken";
        case ErrorCode::CodeTaken:
            return "code_taken";
        case ErrorCode::DateTaken:
            return "date_taken";
        case ErrorCode::SlugLocked:
            return "slug_locked";
        case ErrorCode::CodeLocked:
            return "code_locked";
        case ErrorCode::CurrencyLocked:
            return "currency_locked";
        case ErrorCode::SlotsInUse:
            return "slots_in_use";
        case ErrorCode::HasHistory:
            return "has_history";
        case ErrorCode::NotEmpty:
            return "not_empty";
        case ErrorCode::MissingInvoiceData:
            return "missing_invoice_data";
        case ErrorCode::MixedCurrencies:
            return "mixed_currencies";
        case ErrorCode::OtherSponsor:
            return "other_sponsor";
        case ErrorCode::BookingListedTwice:
            return "booking_listed_twice";
        case ErrorCode::NoBookingsListed:
            return "no_bookings_listed";
        case ErrorCode::BookingCancelled:
            return "booking_cancelled";
        case ErrorCode::BookingOnHold:
            return "booking_on_hold";
        case ErrorCode::NotDraft:
            return "not_draft";
        case ErrorCode::NumbersFollowDates:
            return "numbers_follow_dates";
        case ErrorCode::CreditNoteNoPayment:
            return "credit_note_no_payment";
        case ErrorCode::DraftNoPayment:
            return "draft_no_payment";
        case ErrorCode::InvoiceCancelled:
            return "invoice_cancelled";
        case ErrorCode::Overpayment:
            return "overpayment";
        case ErrorCode::CreditNoteNotCancellable:
            return "credit_note_not_cancellable";
        case ErrorCode::AlreadyCancelled:
            return "already_cancelled";
        case ErrorCode::DraftNotExported:
            return "draft_not_exported";
        case ErrorCode::MissingEurRate:
            return "missing_eur_rate";
        case ErrorCode::EurRateNotApplicable:
            return "eur_rate_not_applicable";
        case ErrorCode::NotACreditNote:
            return "not_a_credit_note";
        case ErrorCode::OverRefund:
            return "over_refund";
        case ErrorCode::NoFacturX:
            return "no_facturx";
        case ErrorCode::VatRateNotApplicable:
            return "vat_rate_not_applicable";
        case ErrorCode::InvalidFile:
            return "invalid_file";
        case ErrorCode::FileNotUtf8:
            return "file_not_utf8";
        case ErrorCode::ColumnNotFound:
            return "column_not_found";
        case ErrorCode::RowRepeated:
            return "row_repeated";
        case ErrorCode::StorageFailure:
            return "storage_failure";
        case ErrorCode::Locked:
            return "locked";
        case ErrorCode::DiskFull:
            return "disk_full";
        case ErrorCode::NotADatabase:
            return "not_a_database";
        case ErrorCode::NewerDatabase:
            return "newer_database";
        case ErrorCode::CannotWrite:
            return "cannot_write";
        case ErrorCode::ExportFailure:
            return "export_failure";
        case ErrorCode::NotPermitted:
            return "not_permitted";
        case ErrorCode::ServerUnreachable:
            return "server_unreachable";
        case ErrorCode::ConnectionLost:
            return "connection_lost";
        case ErrorCode::NotInitialised:
            return "not_initialised";
        case ErrorCode::AlreadyInitialised:
            return "already_initialised";
        case ErrorCode::TargetNotEmpty:
            return "target_not_empty";
        case ErrorCode::ServerOnly:
            return "server_only";
        case ErrorCode::UserNotFound:
            return "user_not_found";
        case ErrorCode::UserExists:
            return "user_exists";
    }
    return "unspecified";
}

std::string Error::text(const std::string& key) const {
    auto it = info_.values.find(key);
    if (it == info_.values.end()) return {};
    if (auto* s = std::get_if<std::string>(&it->second)) return *s;
    if (auto* n = std::get_if<std::int64_t>(&it->second)) return std::to_string(*n);
    return {};
}

std::int64_t Error::number(const std::string& key) const {
    auto it = info_.values.find(key);
    if (it == info_.values.end()) return 0;
    if (auto* n = std::get_if<std::int64_t>(&it->second)) return *n;
    return 0;
}

std::vector<std::string> Error::list(const std::string& key) const {
    auto it = info_.values.find(key);
    if (it == info_.values.end()) return {};
    if (auto* l = std::get_if<std::vector<std::string>>(&it->second)) return *l;
    if (auto* s = std::get_if<std::string>(&it->second)) return {*s};
    return {};
}

void throw_error(ErrorKind kind, ErrorInfo info, const std::string& message) {
    switch (kind) {
        case ErrorKind::InvalidInput:
            throw InvalidInput(std::move(info), message);
        case ErrorKind::Usage:
            throw UsageError(message);
        case ErrorKind::NotFound:
            throw NotFound(std::move(info), message);
        case ErrorKind::Conflict:
            if (info.code == ErrorCode::CompetitorConflict) throw CompetitorConflict(std::move(info), message);
            throw Conflict(std::move(info), message);
        case ErrorKind::Storage:
            throw StorageError(std::move(info), message);
        case ErrorKind::NotPermitted:
            throw NotPermitted(std::move(info), message);
    }
    throw Error(kind, std::move(info), message);
}

void rethrow_with_message(const Error& e, const std::string& message) { throw_error(e.kind(), e.info(), message); }

std::string quote_value(const std::string& value) {
    constexpr size_t kMax = 80;
    std::string shown;
    size_t i = 0;
    for (; i < value.size() && shown.size() < kMax; ++i) {
        const char c = value[i];
        if (c == '\n')
            shown += "\\n";
        else if (c == '\r')
            shown += "\\r";
        else if (c == '\t')
            shown += "\\t";
        else
            shown += c;
    }
    // Never cut a UTF-8 sequence in the middle.
    if (i < value.size()) {
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
        if (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0x80)) shown.pop_back();
        return "\"" + shown + "…\" (" + std::to_string(value.size()) + " bytes)";
    }
    return "\"" + shown + "\"";
}

}  // namespace sponsordesk
