#pragma once
// InputFile: the one way a file a user names (--csv, --file, an import in the
// desktop app) is read: a regular file only, up to a cap, refused quickly
// otherwise, so that /dev/zero, a FIFO or a huge file never hangs the
// program or exhausts its memory.
#include <cstddef>
#include <cstdint>
#include <string>

namespace sponsordesk {

// Drafts, sponsor copy and house ads read from a file: the draft's own limit.
inline constexpr std::uintmax_t kTextFileMaxBytes = 1'000'000;
// CSV imports.
inline constexpr std::uintmax_t kCsvFileMaxBytes = 50'000'000;

// An open regular file of at most `max_bytes`. The constructor throws
// NotFound naming the path when it cannot be opened, InvalidInput naming it
// when it is a folder, a device, a FIFO or a socket, or larger than the cap;
// nothing is read from such a file (a FIFO is not even waited on). `what`
// names the file in messages ("CSV file", "file").
class InputFile {
public:
    InputFile(const std::string& path, std::uintmax_t max_bytes, std::string what);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // Reads up to `size` bytes into `buffer`; 0 at the end of the file.
    // InvalidInput if the file grew past the cap since it was opened.
    size_t read(char* buffer, size_t size);

private:
    std::string path_;
    std::string what_;
    std::uintmax_t max_bytes_;
    std::uintmax_t read_ = 0;
    int fd_ = -1;
};

// The whole content of a file under the rules of InputFile.
std::string read_input_file(const std::string& path, std::uintmax_t max_bytes, const std::string& what);

}  // namespace sponsordesk
