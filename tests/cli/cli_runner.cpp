#include "cli_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <stdexcept>

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

CliResult run_db(const std::string& db, std::vector<std::string> args, const std::string& today) {
    args.insert(args.begin(), {"--db", db});
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

std::string fingerprint(const std::string& path) {
    // Not cryptographic: a content fingerprint for "the file did not change".
    const std::string data = read_file(path);
    return std::to_string(std::hash<std::string>{}(data)) + ":" + std::to_string(data.size());
}

}  // namespace sponsordesk::test
