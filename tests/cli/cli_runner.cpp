#include "cli_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

#include "test_database.h"

extern char** environ;

namespace sponsordesk::test {
namespace fs = std::filesystem;

CliResult run_cli(const std::vector<std::string>& args, const std::string& today) {
    TempDir io;
    const std::string out_path = io.file("out"), err_path = io.file("err");
    std::vector<std::string> env_store;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        if (kv.rfind("SPONSORDESK_DB=", 0) == 0 || kv.rfind("SPONSORDESK_TODAY=", 0) == 0) continue;
        env_store.push_back(kv);
    }
    if (!today.empty()) env_store.push_back("SPONSORDESK_TODAY=" + today);
    std::vector<char*> envp;
    for (auto& kv : env_store) envp.push_back(kv.data());
    envp.push_back(nullptr);

    std::vector<std::string> argv_store;
    argv_store.push_back(SPONSORDESK_CLI);
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_store) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, SPONSORDESK_CLI, &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error("cannot start " SPONSORDESK_CLI);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    CliResult r;
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

std::string test_db(const std::string& path) {
    if (!on_postgresql() || Database::is_server_uri(path)) return path;
    static std::map<std::string, std::string> databases;
    auto it = databases.find(path);
    if (it != databases.end()) return it->second;
    // A file the test made itself (a backup, a foreign file) stays a file.
    if (fs::exists(path)) return path;
    return databases.emplace(path, fresh_pg_database()).first->second;
}

CliResult run_db(const std::string& db, std::vector<std::string> args, const std::string& today) {
    args.insert(args.begin(), {"--db", test_db(db)});
    return run_cli(args, today);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

namespace {

// Every row of every table of a PostgreSQL database, as text.
std::string server_content(const std::string& uri) {
    Database db(uri, Database::Bare{});
    std::vector<std::string> tables;
    {
        sql::Statement q(db.connection(),
                         "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
        while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
    }
    std::string out;
    for (const auto& t : tables) {
        out += "table " + t + "\n";
        sql::Statement q(db.connection(), "SELECT * FROM \"" + t + "\" ORDER BY 1");
        while (q.executeStep()) {
            for (int i = 0; i < q.column_count(); ++i) {
                out += q.getColumn(i).isNull() ? std::string("\x01NULL") : q.getColumn(i).getString();
                out += '\x1f';
            }
            out += '\n';
        }
    }
    return out;
}

}  // namespace

std::string server_rows(const std::string& path) { return server_content(test_db(path)); }

std::string fingerprint(const std::string& path) {
    // Not cryptographic: a content fingerprint for "the file did not change"
    // (for a path that stands for a PostgreSQL database, test_db, every row
    // of its tables).
    const std::string db = on_postgresql() ? test_db(path) : path;
    const std::string data = db == path ? read_file(path) : server_content(db);
    return std::to_string(std::hash<std::string>{}(data)) + ":" + std::to_string(data.size());
}

}  // namespace sponsordesk::test
