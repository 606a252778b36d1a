#include <SQLiteCpp/Backup.h>

#include <filesystem>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/backup_service.h"

namespace sponsordesk {
namespace fs = std::filesystem;

std::uintmax_t backup_database(Database& db, const std::string& target) {
    if (target.empty()) throw InvalidInput({ErrorCode::CannotWrite, "", {}}, "backup target path is empty");
    fs::path to(target);
    std::error_code ec;
    if (fs::is_directory(to, ec))
        throw InvalidInput({ErrorCode::CannotWrite, "", {}},
                           fmt::format("backup target {} is a folder", quote_value(target)));
    if (to.has_parent_path() && !fs::is_directory(to.parent_path(), ec))
        throw NotFound({ErrorCode::FileNotFound, "path", {{"path", to.parent_path().string()}}},
                       fmt::format("folder {} does not exist", quote_value(to.parent_path().string())));
    if (fs::exists(to, ec) && fs::equivalent(to, fs::path(db.path()), ec))
        throw InvalidInput({ErrorCode::CannotWrite, "", {}},
                           fmt::format("backup target {} is the database itself", quote_value(target)));
    fs::path tmp = to;
    tmp += ".part";
    fs::remove(tmp, ec);
    try {
        {
            SQLite::Database dest(tmp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup backup(dest, db.sql());
            backup.executeStep(-1);
            // A single file, readable without its -wal companion.
            dest.exec("PRAGMA journal_mode=DELETE");
        }
        fs::rename(tmp, to);
    } catch (const SQLite::Exception& e) {
        fs::remove(tmp, ec);
        rethrow_sqlite(e);
    } catch (const fs::filesystem_error& e) {
        fs::remove(tmp, ec);
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("cannot write the backup {}: {}", quote_value(target), e.code().message()));
    }
    return fs::file_size(to);
}

}  // namespace sponsordesk
