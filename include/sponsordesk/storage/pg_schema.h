#pragma once
// SponsorDesk's schema on PostgreSQL: the tables of schema.cpp's SQLite
// migrations (v1..v7) written once at their latest version, with the same
// columns, CHECKs, indexes and trigger messages, plus what a shared server
// adds: the four group roles and their grants, the owner role, the activity
// log's stamping, and the few SQLite functions the repositories' SQL calls.
// Every difference between the two engines' schemas lives in pg_schema.cpp.
#include <string>

namespace sponsordesk::pg_schema {

// The version create_sql() creates (sponsordesk_schema.version).
inline constexpr int kVersion = 7;

// One script (no parameters) that, run in one transaction on an empty
// database by a superuser or by a role with CREATEROLE that owns the
// database, creates the schema at kVersion in the current schema (public by
// default) and the group roles <prefix>_sales, _editor, _finance, _admin and
// the NOLOGIN <prefix>_owner that owns every object (roles that already
// exist are kept). It does not make anyone a member of a group. `prefix`:
// a lowercase letter, then lowercase letters, digits or '_' (at most 40);
// anything else throws InvalidInput.
std::string create_sql(const std::string& prefix);

// Drops the five group roles of `prefix` that exist, with what they own and
// every privilege granted to them in the current database (for tests:
// connected to the SponsorDesk database, this drops its schema objects too;
// a role still holding privileges in another database makes it fail).
std::string drop_roles_sql(const std::string& prefix);

}  // namespace sponsordesk::pg_schema
