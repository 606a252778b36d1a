#pragma once
// The two engines' entry points, for database.cpp and the storage's own
// SQLite- or PostgreSQL-only tools (backup, db copy, db init).
#include <memory>
#include <string>

#include "sponsordesk/storage/sql.h"

namespace SQLite {
class Database;
class Exception;
}  // namespace SQLite

namespace sponsordesk {

// SQLite: opens (creating when absent) and migrates up to `target`.
std::unique_ptr<sql::Connection> open_sqlite(const std::string& path, int target);
SQLite::Database& sqlite_handle(sql::Connection& conn);  // StorageError on a server
int sqlite_schema_version(sql::Connection& conn);
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e);

}  // namespace sponsordesk
