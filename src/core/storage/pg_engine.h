#pragma once
// The PostgreSQL engine (libpqxx): a team's SponsorDesk database on a server.
#include <memory>
#include <string>

#include "sponsordesk/storage/sql.h"

namespace sponsordesk {

class PgConnection;

// Connects to `uri` (any libpq URI; the password from the URI, PGPASSWORD
// or ~/.pgpass). An unreachable server, a refused login or a missing
// database is a StorageError (ServerUnreachable) that names the server and
// never the password.
std::unique_ptr<sql::Connection> open_postgres(const std::string& uri);

// The PostgreSQL side of a connection (StorageError for an SQLite file).
PgConnection& pg(sql::Connection& conn);

// "host[:port]/dbname" (the port when not 5432), for messages and the status bar.
std::string pg_server_name(sql::Connection& conn);
std::string pg_user(sql::Connection& conn);
// True when another session committed a change since the last call
// (LISTEN sponsordesk; a session's own notifications are skipped).
bool pg_changed_elsewhere(sql::Connection& conn);

// Runs the server schema's steps after `from` up to `to` inside the
// caller's transaction. `db init` creates the schema at version 7 (the
// SQLite file's v1..v7 in one step); later versions add a step for each engine.
void pg_migrate(sql::Connection& conn, int from, int to);

}  // namespace sponsordesk
