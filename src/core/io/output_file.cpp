#include "sponsordesk/io/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {
namespace fs = std::filesystem;

std::string errno_text(int err) { return std::generic_category().message(err); }

[[noreturn]] void refuse(const std::string& what, const std::string& target, const std::string& why) {
    throw StorageError({ErrorCode::CannotWrite, "path", {{"path", target}, {"reason", why}}},
                       fmt::format("cannot write {} {}: {}", what, quote_value(target), why));
}

// The path a chain of symbolic links leads to (which may not exist yet);
// `path` itself when it is no link.
std::string follow_links(const std::string& what, const std::string& target) {
    fs::path p = target;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p.string();
        std::error_code ec;
        const fs::path next = fs::read_symlink(p, ec);
        if (ec) refuse(what, target, ec.message());
        p = next.is_absolute() ? next : p.parent_path() / next;
    }
    refuse(what, target, errno_text(ELOOP));
}

// The folder that is to hold a new file at `path` exists and is a folder.
void check_folder(const std::string& what, const std::string& target, const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    const std::string folder = parent.empty() ? std::string(".") : parent.string();
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            refuse(what, target, fmt::format("the folder {} does not exist", quote_value(folder)));
        refuse(what, target, fmt::format("{}: {}", quote_value(folder), errno_text(err)));
    }
    if (!S_ISDIR(st.st_mode)) refuse(what, target, fmt::format("{} is not a folder", quote_value(folder)));
}

struct Plan {
    bool in_place = false;
    std::string final_path;  // when not in place: the regular file renamed over
};

Plan plan_for(const std::string& target, const std::string& what) {
    if (target.empty())
        throw InvalidInput({ErrorCode::CannotWrite, "path", {}}, fmt::format("no path given for the {}", what));
    if (target == "-") return {true, {}};
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        const int err = errno;
        if (err != ENOENT && err != ENOTDIR) refuse(what, target, errno_text(err));
        // A new file, perhaps at the end of a link that leads nowhere yet.
        const std::string path = follow_links(what, target);
        check_folder(what, target, path);
        return {false, path};
    }
    if (S_ISDIR(st.st_mode)) refuse(what, target, "it is a folder");
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return {true, {}};
    if (S_ISBLK(st.st_mode)) refuse(what, target, "it is a block device");
    if (S_ISSOCK(st.st_mode)) refuse(what, target, "it is a socket");
    if (!S_ISREG(st.st_mode)) refuse(what, target, "it is not a regular file");
    const std::string path = follow_links(what, target);
    struct stat end {};
    if (::stat(path.c_str(), &end) != 0 || end.st_dev != st.st_dev || end.st_ino != st.st_ino)
        return {true, {}};  // a link the file system cannot spell (/dev/stdout onto a deleted file)
    return {false, path};
}

// Writes all of `size` bytes, through interruptions and short writes.
bool write_all(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) errno = EIO;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

void OutputFile::check(const std::string& target, const std::string& what) { plan_for(target, what); }

OutputFile::OutputFile(std::string target, std::string what) : target_(std::move(target)), what_(std::move(what)) {
    const Plan plan = plan_for(target_, what_);
    in_place_ = plan.in_place;
    final_path_ = plan.final_path;
    if (in_place_) {
        std::error_code ec;
        fs::path folder = fs::temp_directory_path(ec);
        if (ec) folder = "/tmp";
        std::string pattern = (folder / "sponsordesk-XXXXXX").string();
        const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
        if (fd < 0) refuse(what_, target_, "no temporary file: " + errno_text(errno));
        ::close(fd);
        temp_path_ = pattern;
        return;
    }
    // Beside the target, so that the rename stays on one file system; unique
    // per object, so that two exports to one path (the desktop app's worker
    // and its main thread) never share it. Creating it also proves the
    // folder takes new files (permissions, read-only mounts, ACLs).
    static std::atomic<unsigned> serial{0};
    for (int attempt = 0;; ++attempt) {
        std::string temp = fmt::format("{}.{}-{}.partial", final_path_, static_cast<long>(::getpid()), serial++);
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            temp_path_ = std::move(temp);
            return;
        }
        const int err = errno;
        if (err != EEXIST || attempt >= 100) refuse(what_, target_, errno_text(err));
    }
}

std::uintmax_t OutputFile::write(const std::string& target, const std::string& what, const std::string& bytes) {
    OutputFile out(target, what);
    {
        std::ofstream f(out.temp_path(), std::ios::binary | std::ios::trunc);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        f.close();
        if (!f) refuse(what, target, "cannot write " + out.temp_path());
    }
    return out.commit();
}

OutputFile::~OutputFile() {
    if (!committed_ && !temp_path_.empty()) {
        std::error_code ec;
        fs::remove(temp_path_, ec);
    }
}

std::uintmax_t OutputFile::commit() {
    if (committed_)
        throw StorageError({ErrorCode::CannotWrite, "path", {{"path", target_}}},
                           fmt::format("{} {} was already written", what_, quote_value(target_)));
    if (!in_place_) {
        std::error_code ec;
        const std::uintmax_t size = fs::file_size(temp_path_, ec);
        if (ec) refuse(what_, target_, ec.message());
        if (::rename(temp_path_.c_str(), final_path_.c_str()) != 0) refuse(what_, target_, errno_text(errno));
        committed_ = true;
        return size;
    }
    const int in = ::open(temp_path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) refuse(what_, target_, errno_text(errno));
    const bool to_stdout = target_ == "-";
    // A FIFO waits here for its reader, as any writer to it does.
    const int out = to_stdout ? STDOUT_FILENO : ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (out < 0) {
        const int err = errno;
        ::close(in);
        refuse(what_, target_, errno_text(err));
    }
    if (to_stdout) {
        // Whatever the program already printed goes first.
        std::cout.flush();
        std::fflush(stdout);
    } else {
        struct stat st {};
        if (::fstat(out, &st) == 0 && S_ISREG(st.st_mode) && ::ftruncate(out, 0) != 0) {
            const int err = errno;
            ::close(in);
            ::close(out);
            refuse(what_, target_, errno_text(err));
        }
    }
    std::uintmax_t total = 0;
    int err = 0;
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) err = errno;
        if (n <= 0) break;
        if (!write_all(out, buffer, static_cast<size_t>(n))) {
            err = errno;
            break;
        }
        total += static_cast<std::uintmax_t>(n);
    }
    ::close(in);
    if (!to_stdout && ::close(out) != 0 && err == 0) err = errno;
    if (err != 0) refuse(what_, target_, errno_text(err));
    committed_ = true;
    std::error_code ec;
    fs::remove(temp_path_, ec);
    return total;
}

}  // namespace sponsordesk
