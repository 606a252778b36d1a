#pragma once
// The schema's migration chain. HOW TO ADD A MIGRATION: append a function
// to kMigrations in schema.cpp that takes the database from version N to
// N+1 (never edit a released step), then add a test to
// tests/core/test_migrations.cpp that opens a file made at version N.
#include <SQLiteCpp/Database.h>

namespace sponsordesk::schema {

int latest_version();
// Runs every step from `from` up to `to` (exclusive `from`, inclusive `to`)
// inside the caller's transaction.
void migrate(SQLite::Database& db, int from, int to);

}  // namespace sponsordesk::schema
