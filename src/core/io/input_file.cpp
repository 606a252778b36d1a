#include "sponsordesk/io/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

// What a file that is not a regular file is, in the words of a message.
const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

InputFile::InputFile(const std::string& path, std::uintmax_t max_bytes, std::string what)
    : path_(path), what_(std::move(what)), max_bytes_(max_bytes) {
    // Opened first and checked on the descriptor, so that what is checked is
    // what is read. O_NONBLOCK: opening a FIFO with no writer returns at once
    // instead of waiting for one; regular files ignore it.
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) {
        const int err = errno;
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))  // a socket cannot even be opened
            throw InvalidInput({ErrorCode::NotARegularFile, "path", {{"path", path}, {"kind", kind_of(st.st_mode)}}},
                               fmt::format("{} {} is {}: only a regular file can be read", what_, quote_value(path),
                                           kind_of(st.st_mode)));
        throw NotFound(
            {ErrorCode::FileNotFound, "path", {{"path", path}}},
            fmt::format("cannot read {} {}: {}", what_, quote_value(path), std::generic_category().message(err)));
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const int err = errno;
        ::close(fd_);
        throw NotFound(
            {ErrorCode::FileNotFound, "path", {{"path", path}}},
            fmt::format("cannot read {} {}: {}", what_, quote_value(path), std::generic_category().message(err)));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd_);
        throw InvalidInput(
            {ErrorCode::NotARegularFile, "path", {{"path", path}, {"kind", kind_of(st.st_mode)}}},
            fmt::format("{} {} is {}: only a regular file can be read", what_, quote_value(path), kind_of(st.st_mode)));
    }
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes_) {
        ::close(fd_);
        throw InvalidInput({ErrorCode::FileTooLarge,
                            "path",
                            {{"path", path},
                             {"size", static_cast<std::int64_t>(st.st_size)},
                             {"max", static_cast<std::int64_t>(max_bytes_)}}},
                           fmt::format("{} {} is too large ({} bytes; at most {})", what_, quote_value(path),
                                       static_cast<std::uintmax_t>(st.st_size), max_bytes_));
    }
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

size_t InputFile::read(char* buffer, size_t size) {
    for (;;) {
        const ssize_t n = ::read(fd_, buffer, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            throw NotFound(
                {ErrorCode::FileNotFound, "path", {{"path", path_}}},
                fmt::format("cannot read {} {}: {}", what_, quote_value(path_), std::generic_category().message(err)));
        }
        read_ += static_cast<std::uintmax_t>(n);
        // A file still being written to can outgrow what fstat said.
        if (read_ > max_bytes_)
            throw InvalidInput(
                {ErrorCode::FileTooLarge,
                 "path",
                 {{"path", path_},
                  {"size", static_cast<std::int64_t>(read_)},
                  {"max", static_cast<std::int64_t>(max_bytes_)}}},
                fmt::format("{} {} is too large (more than {} bytes)", what_, quote_value(path_), max_bytes_));
        return static_cast<size_t>(n);
    }
}

std::string read_input_file(const std::string& path, std::uintmax_t max_bytes, const std::string& what) {
    InputFile in(path, max_bytes, what);
    std::string text;
    char buffer[64 * 1024];
    while (size_t n = in.read(buffer, sizeof buffer)) text.append(buffer, n);
    return text;
}

}  // namespace sponsordesk
