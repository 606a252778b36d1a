#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>

#include <filesystem>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/io/output_file.h"
#include "sponsordesk/services/backup_service.h"
#include "sponsordesk/storage/copy.h"
#include "sqlite_engine.h"

namespace sponsordesk {
namespace fs = std::filesystem;

std::uintmax_t backup_database(Database& db, const std::string& target) {
    if (target.empty()) throw InvalidInput({ErrorCode::CannotWrite, "", {}}, "backup target path is empty");
    std::error_code ec;
    if (!db.on_server() && target != "-" && fs::exists(target, ec) && fs::equivalent(target, fs::path(db.path()), ec))
        throw InvalidInput({ErrorCode::CannotWrite, "path", {{"path", target}}},
                           fmt::format("backup target {} is the database itself", quote_value(target)));
    OutputFile out(target, "backup");
    if (db.on_server()) {
        // From a server: every row into a new SponsorDesk file, in one
        // snapshot of the server's database.
        {
            Database file(out.temp_path());
            copy_database(db, file);
        }
        SQLite::Database dest(out.temp_path(), SQLite::OPEN_READWRITE);
        dest.exec("PRAGMA journal_mode=DELETE");
        return out.commit();
    }
    try {
        SQLite::Database dest(out.temp_path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup backup(dest, db.sql());
        backup.executeStep(-1);
        // A single file, readable without its -wal companion.
        dest.exec("PRAGMA journal_mode=DELETE");
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite(e);
    }
    return out.commit();
}

}  // namespace sponsordesk
