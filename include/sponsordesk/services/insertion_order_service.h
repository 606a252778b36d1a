#pragma once
// Insertion orders ("bon de commande", booking order): what a sponsor signs
// for a set of its bookings, with the prices, VAT and terms its invoice will
// carry.
#include <string>
#include <vector>

#include "sponsordesk/domain/ids.h"
#include "sponsordesk/export/insertion_order.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

class InsertionOrderService {
public:
    explicit InsertionOrderService(Database& db) : db_(db) {}

    // The order of the listed bookings, dated today: one sponsor's
    // (OtherSponsor), one currency (MixedCurrencies), none cancelled
    // (Conflict BookingCancelled), none listed twice; NotFound for an
    // unknown id. Language: the publications' (French when they differ,
    // as invoices). VAT: the treatment the sponsor's invoice will get.
    InsertionOrder build(const std::vector<BookingId>& bookings);
    // build() drawn as a PDF at `path`; the target is checked before anything is drawn.
    InsertionOrder export_pdf(const std::vector<BookingId>& bookings, const std::string& path);

private:
    Database& db_;
};

}  // namespace sponsordesk
