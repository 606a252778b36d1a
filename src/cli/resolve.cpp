#include "resolve.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::cli {
namespace {

// The id a text spells, if it is only digits (and fits an id).
std::optional<Id> digits_id(const std::string& text, size_t max_digits) {
    if (text.empty() || text.size() > max_digits || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const Id id = std::stoll(text);
    if (id <= 0) return std::nullopt;
    return id;
}

}  // namespace

Sponsor resolve_sponsor(Database& db, const std::string& ref) {
    SponsorService sponsors(db);
    if (!ref.empty() && ref[0] == '#') {
        const std::string digits = ref.substr(1);
        auto id = digits_id(digits, 18);
        if (!id)
            throw InvalidInput(
                {ErrorCode::InvalidFormat, "sponsor", {{"value", ref}}},
                fmt::format("sponsor {} is not valid: #N names the sponsor with id N", quote_value(ref)));
        if (auto s = sponsors.find(SponsorId{*id})) return *s;
        throw NotFound({ErrorCode::SponsorNotFound, "sponsor", {{"value", ref}, {"id", *id}}},
                       fmt::format("no sponsor with id {}", *id));
    }
    auto by_name = sponsors.find_by_name(ref);
    std::optional<Sponsor> by_id;
    if (auto id = digits_id(ref, 18)) by_id = sponsors.find(SponsorId{*id});
    if (by_name && by_id && by_name->id != by_id->id)
        throw InvalidInput(
            {ErrorCode::AmbiguousReference,
             "sponsor",
             {{"value", ref}, {"name_id", by_name->id}, {"number_id", by_id->id}}},
            fmt::format("sponsor {} is ambiguous: it is the name of sponsor #{} and the id of sponsor {}; "
                        "write #{} or #{}",
                        quote_value(ref), by_name->id, quote_value(by_id->name), by_name->id, by_id->id));
    if (by_name) return *by_name;
    if (by_id) return *by_id;
    throw NotFound({ErrorCode::SponsorNotFound, "sponsor", {{"value", ref}}},
                   fmt::format("no sponsor {}", quote_value(ref)));
}

SponsorId sponsor_id(Database& db, const std::string& ref) { return SponsorId{resolve_sponsor(db, ref).id}; }

Publication resolve_publication(Database& db, const std::string& slug) { return CatalogService(db).publication(slug); }

Placement resolve_placement(Database& db, const Publication& pub, const std::string& code) {
    return CatalogService(db).placement(pub, code);
}

Issue resolve_issue(Database& db, const Publication& pub, const Date& date) {
    if (auto issue = IssueService(db).find(PublicationId{pub.id}, date)) return *issue;
    throw NotFound({ErrorCode::IssueNotFound, "date", {{"publication", pub.slug}, {"date", date.iso()}}},
                   fmt::format("{} has no issue on {}", pub.slug, date.iso()));
}

InvoiceId resolve_invoice(Database& db, const std::string& ref) {
    InvoiceService invoices(db);
    const bool digits = !ref.empty() && ref.size() < 13 && ref.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
        if (auto id = digits_id(ref, 12); id && invoices.exists(InvoiceId{*id})) return InvoiceId{*id};
        throw NotFound({ErrorCode::InvoiceNotFound, "invoice", {{"value", ref}}},
                       fmt::format("no invoice with id {}", quote_value(ref)));
    }
    if (auto id = invoices.find_by_number(ref)) return *id;
    throw NotFound({ErrorCode::InvoiceNotFound, "invoice", {{"value", ref}}},
                   fmt::format("no invoice {} (give an id or a number such as 2026-0001)", quote_value(ref)));
}

}  // namespace sponsordesk::cli
