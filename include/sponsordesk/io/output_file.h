#pragma once
// OutputFile: the one way SponsorDesk writes a document a user asked for
// (invoice PDF and XLSX, statements, reports, backups, rendered drafts), so
// that a failure never leaves half a file and a target that is not a
// regular file is never replaced by one.
#include <cstdint>
#include <string>

namespace sponsordesk {

// A document on its way to `target`. The writer fills temp_path(), then
// commit() delivers it:
// - a regular file, or a name not taken yet: temp_path() is beside it and
//   is renamed over it, so the target is the old file or the whole new one;
// - a symbolic link: the same for the file the link leads to; the link
//   stays a link;
// - a character device or a FIFO (/dev/null, a named pipe, a terminal):
//   opened as it is and written in place, never replaced; temp_path() is in
//   the temporary folder and its bytes are copied there only once complete;
// - "-": standard output, the same way.
// A folder, a block device or a socket is refused, as is a target whose
// folder is missing, not a folder or not writable: StorageError naming the
// target. Without commit(), nothing is left behind and the target is
// untouched. `what` names the document in messages ("invoice PDF",
// "spreadsheet", "backup").
class OutputFile {
public:
    OutputFile(std::string target, std::string what);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // The checks of the constructor, without creating anything: for callers
    // that refuse a bad target before doing any work.
    static void check(const std::string& target, const std::string& what);

    // Writes bytes already in memory (a stored invoice original) the same
    // way: the whole document or nothing.
    static std::uintmax_t write(const std::string& target, const std::string& what, const std::string& bytes);

    const std::string& target() const { return target_; }
    // Where the writer puts the document (an empty file when given).
    const std::string& temp_path() const { return temp_path_; }
    // Whether commit() writes into the target as it is (device, FIFO,
    // standard output) rather than renaming a file over it.
    bool in_place() const { return in_place_; }

    // Delivers the document; returns its size in bytes. StorageError naming
    // the target when it cannot (the target is then unchanged, or for a
    // device or FIFO, partly written).
    std::uintmax_t commit();

private:
    std::string target_;
    std::string what_;
    std::string final_path_;  // the file renamed over (the end of a chain of links)
    std::string temp_path_;
    bool in_place_ = false;
    bool committed_ = false;
};

}  // namespace sponsordesk
