#pragma once
// Helpers shared by the test binaries: a temporary folder, running a
// command, and reading a workbook back with openpyxl.
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sponsordesk::test {

// A fresh folder under the system's temporary directory, removed with its
// content when the object goes.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("sponsordesk-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// Sets $SPONSORDESK_TODAY for a test and restores it afterwards.
class FakeToday {
public:
    FakeToday() {
        if (const char* v = std::getenv("SPONSORDESK_TODAY")) saved_ = v;
    }
    ~FakeToday() {
        if (saved_)
            setenv("SPONSORDESK_TODAY", saved_->c_str(), 1);
        else
            unsetenv("SPONSORDESK_TODAY");
    }
    FakeToday(const FakeToday&) = delete;
    FakeToday& operator=(const FakeToday&) = delete;
    void set(const std::string& iso) { setenv("SPONSORDESK_TODAY", iso.c_str(), 1); }

private:
    std::optional<std::string> saved_;
};

// Runs a shell command and returns its stdout; `status` gets its exit status.
inline std::string run_command(const std::string& command, int* status = nullptr) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (!p) {
        if (status) *status = -1;
        return out;
    }
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    const int rc = pclose(p);
    if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

#ifdef SPONSORDESK_TEST_DATA
// Runs tests/tools/TOOL on a file with Debian's /usr/bin/python3 (which has
// openpyxl) and parses the JSON it prints.
inline nlohmann::json run_tool(const std::string& tool, const std::string& path) {
    int status = 0;
    const std::string out =
        run_command("/usr/bin/python3 '" SPONSORDESK_TEST_DATA "/../tools/" + tool + "' '" + path + "'", &status);
    if (status != 0 || out.empty()) {
        ADD_FAILURE() << tool << " could not read " << path;
        return nlohmann::json();
    }
    return nlohmann::json::parse(out);
}

// Every sheet and cell of a workbook as openpyxl sees it.
inline nlohmann::json read_xlsx(const std::string& path) { return run_tool("read_xlsx.py", path); }
#endif

}  // namespace sponsordesk::test
