#pragma once
// JSON forms of the core's records, as SPEC's command-line contract names them.
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::cli {

nlohmann::json to_json(const Publisher& p);
nlohmann::json to_json(const Publication& p);
nlohmann::json to_json(const Placement& p, const Publication& pub, const std::optional<std::string>& house_ad);
nlohmann::json to_json(const Issue& i, const Publication& pub);
nlohmann::json to_json(const Sponsor& s);
nlohmann::json to_json(const Contact& c, const std::string& sponsor_name);
nlohmann::json to_json(const BookingView& v);
nlohmann::json to_json(const OpenSlots& o, const std::string& currency);

}  // namespace sponsordesk::cli
