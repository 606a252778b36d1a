#include "draft_recovery.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

namespace sponsordesk::gui {
namespace fs = std::filesystem;

namespace {

// FNV-1a: a stable file name for (database, publication, issue) that needs
// no escaping of the path or the slug.
std::uint64_t Fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

}  // namespace

std::string DraftRecovery::Directory() {
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local" / "share";
    else
        base = fs::temp_directory_path();
    return (base / "sponsordesk" / "recovery").string();
}

DraftRecovery::DraftRecovery(const std::string& database_path, const std::string& publication, const Date& issue) {
    std::error_code ec;
    fs::path db = fs::weakly_canonical(fs::absolute(database_path, ec), ec);
    if (db.empty()) db = database_path;
    const std::string key = db.string() + '\n' + publication + '\n' + issue.iso();
    path_ = (fs::path(Directory()) /
             fmt::format("draft-{}-{}-{:016x}.md", publication.substr(0, 40), issue.iso(), Fnv1a(key)))
                .string();
}

bool DraftRecovery::Write(const std::string& text) const {
    std::error_code ec;
    fs::create_directories(fs::path(path_).parent_path(), ec);
    if (ec) return false;
    const std::string temp = path_ + ".partial";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << text;
        out.flush();
        if (!out) {
            fs::remove(temp, ec);
            return false;
        }
    }
    fs::rename(temp, path_, ec);
    if (ec) fs::remove(temp, ec);
    return !ec;
}

std::optional<std::string> DraftRecovery::Read() const {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void DraftRecovery::Remove() const {
    std::error_code ec;
    fs::remove(path_, ec);
}

}  // namespace sponsordesk::gui
