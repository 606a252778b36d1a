#include "sponsordesk/domain/model.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {

std::string english_ref(const LiveInvoice& invoice) {
    return invoice.number ? *invoice.number : fmt::format("draft #{}", invoice.id);
}

std::string cadence_to_text(unsigned cadence) {
    std::string out;
    for (int i = 0; i < 7; ++i) {
        if (cadence & (1u << i)) {
            if (!out.empty()) out += ',';
            out += weekday_code(i);
        }
    }
    return out;
}

unsigned cadence_from_text(const std::string& s) {
    unsigned bits = 0;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        std::string part = s.substr(start, comma - start);
        int wd = parse_weekday_code(part);
        if (wd < 0)
            throw InvalidInput(
                {ErrorCode::InvalidChoice,
                 "cadence",
                 {{"value", part},
                  {"choices", std::vector<std::string>{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}}}},
                fmt::format("cadence {} is not valid: {} is not one of mon,tue,wed,thu,fri,sat,sun", quote_value(s),
                            quote_value(part)));
        bits |= 1u << wd;
        start = comma + 1;
    }
    return bits;
}

std::string to_string(IssueStatus s) {
    switch (s) {
        case IssueStatus::Planned:
            return "planned";
        case IssueStatus::Drafting:
            return "drafting";
        case IssueStatus::Ready:
            return "ready";
        case IssueStatus::Sent:
            return "sent";
    }
    return "planned";
}

IssueStatus issue_status_from(const std::string& s) {
    if (s == "planned") return IssueStatus::Planned;
    if (s == "drafting") return IssueStatus::Drafting;
    if (s == "ready") return IssueStatus::Ready;
    if (s == "sent") return IssueStatus::Sent;
    throw InvalidInput({ErrorCode::InvalidChoice,
                        "status",
                        {{"value", s}, {"choices", std::vector<std::string>{"planned", "drafting", "ready", "sent"}}}},
                       fmt::format("issue status {} is not one of planned, drafting, ready, sent", quote_value(s)));
}

std::string to_string(ContactRole r) {
    switch (r) {
        case ContactRole::Billing:
            return "billing";
        case ContactRole::Creative:
            return "creative";
        case ContactRole::Sales:
            return "sales";
        case ContactRole::Other:
            return "other";
    }
    return "other";
}

ContactRole contact_role_from(const std::string& s) {
    if (s == "billing") return ContactRole::Billing;
    if (s == "creative") return ContactRole::Creative;
    if (s == "sales") return ContactRole::Sales;
    if (s == "other") return ContactRole::Other;
    throw InvalidInput({ErrorCode::InvalidChoice,
                        "role",
                        {{"value", s}, {"choices", std::vector<std::string>{"billing", "creative", "sales", "other"}}}},
                       fmt::format("role {} is not one of billing, creative, sales, other", quote_value(s)));
}

std::string to_string(VatRegime r) { return r == VatRegime::Franchise ? "franchise" : "normal"; }

VatRegime vat_regime_from(const std::string& s) {
    if (s == "normal") return VatRegime::Normal;
    if (s == "franchise") return VatRegime::Franchise;
    throw InvalidInput({ErrorCode::InvalidChoice,
                        "vat_regime",
                        {{"value", s}, {"choices", std::vector<std::string>{"normal", "franchise"}}}},
                       fmt::format("VAT regime {} is not one of normal, franchise", quote_value(s)));
}

std::string to_string(BookingStatus s) {
    switch (s) {
        case BookingStatus::Hold:
            return "hold";
        case BookingStatus::Confirmed:
            return "confirmed";
        case BookingStatus::CopyReceived:
            return "copy-received";
        case BookingStatus::Approved:
            return "approved";
        case BookingStatus::Published:
            return "published";
        case BookingStatus::Cancelled:
            return "cancelled";
    }
    return "hold";
}

BookingStatus booking_status_from(const std::string& s) {
    if (s == "hold") return BookingStatus::Hold;
    if (s == "confirmed") return BookingStatus::Confirmed;
    if (s == "copy-received") return BookingStatus::CopyReceived;
    if (s == "approved") return BookingStatus::Approved;
    if (s == "published") return BookingStatus::Published;
    if (s == "cancelled") return BookingStatus::Cancelled;
    throw InvalidInput(
        {ErrorCode::InvalidChoice,
         "status",
         {{"value", s},
          {"choices",
           std::vector<std::string>{"hold", "confirmed", "copy-received", "approved", "published", "cancelled"}}}},
        fmt::format("booking status {} is not one of hold, confirmed, copy-received, approved, published, cancelled",
                    quote_value(s)));
}

}  // namespace sponsordesk
