#pragma once
// What each role of a team may do (SPEC "Working as a team"). On a server
// the database enforces it (pg_schema.cpp's grants and triggers, checked by
// tests/cli/test_cli_roles.cpp against this table); the desktop app reads
// it to disable what the user's role may not do. A file's one person is admin.
#include <string>

namespace sponsordesk {

enum class Capability {
    Sell,       // sponsors, contacts; book, hold, confirm, move, cancel bookings; set copy
    Edit,       // set copy, approve copy, drafts, house ads, issue planning and stats
    Bill,       // invoices, payments, credit notes, publisher billing profile
    Administer  // publications, placements, users, db copy
};

inline bool role_may(const std::string& role, Capability c) {
    if (role == "admin") return true;
    switch (c) {
        case Capability::Sell:
            return role == "sales";
        case Capability::Edit:
            return role == "editor";
        case Capability::Bill:
            return role == "finance";
        case Capability::Administer:
            return false;
    }
    return false;
}

// Setting a booking's copy is both sales' and editors' work.
inline bool role_may_set_copy(const std::string& role) {
    return role_may(role, Capability::Sell) || role_may(role, Capability::Edit);
}

}  // namespace sponsordesk
