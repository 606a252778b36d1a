// OutputFile (issue 10, point 9): a regular file is replaced whole or not at
// all; a device, a FIFO or a symbolic link is never replaced by a regular
// file; folders and the like are refused with the path named.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/io/output_file.h"
#include "test_support.h"

using namespace sponsordesk;
using sponsordesk::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// Writes `text` through an OutputFile to `target` and commits it.
std::uintmax_t deliver(const std::string& target, const std::string& text) {
    OutputFile out(target, "test document");
    put(out.temp_path(), text);
    return out.commit();
}

size_t partial_files(const fs::path& folder) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().string().find(".partial") != std::string::npos) ++n;
    return n;
}

std::string refusal(const std::string& target) {
    try {
        OutputFile out(target, "test document");
    } catch (const StorageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(OutputFile, ARegularFileIsReplacedOnlyOnCommit) {
    TempDir dir;
    const std::string path = dir.file("doc.txt");
    put(path, "old");
    {
        OutputFile out(path, "test document");
        EXPECT_FALSE(out.in_place());
        put(out.temp_path(), "new document");
        EXPECT_EQ(slurp(path), "old");
        EXPECT_EQ(out.commit(), 12u);
    }
    EXPECT_EQ(slurp(path), "new document");
    EXPECT_EQ(partial_files(dir.path()), 0u);
}

TEST(OutputFile, WithoutCommitTheTargetIsUntouchedAndNothingIsLeft) {
    TempDir dir;
    const std::string path = dir.file("doc.txt");
    put(path, "old");
    {
        OutputFile out(path, "test document");
        put(out.temp_path(), "half a docu");
    }
    EXPECT_EQ(slurp(path), "old");
    EXPECT_EQ(partial_files(dir.path()), 0u);
    { OutputFile out(dir.file("new.txt"), "test document"); }
    EXPECT_FALSE(fs::exists(dir.file("new.txt")));
    EXPECT_EQ(partial_files(dir.path()), 0u);
}

TEST(OutputFile, ASymlinkStaysALinkAndTheFileItLeadsToGetsTheDocument) {
    TempDir dir;
    fs::create_directories(dir.file("real"));
    put(dir.file("real/doc.txt"), "old");
    fs::create_symlink("real/doc.txt", dir.file("relative-link"));
    fs::create_symlink(dir.file("relative-link"), dir.file("link-to-link"));
    EXPECT_EQ(deliver(dir.file("link-to-link"), "through two links"), 17u);
    EXPECT_TRUE(fs::is_symlink(dir.file("link-to-link")));
    EXPECT_TRUE(fs::is_symlink(dir.file("relative-link")));
    EXPECT_EQ(slurp(dir.file("real/doc.txt")), "through two links");
    EXPECT_EQ(partial_files(dir.file("real")), 0u);
    EXPECT_EQ(partial_files(dir.path()), 0u);

    // A link to a file not written yet: the file is made where it leads.
    fs::create_symlink("real/later.txt", dir.file("dangling"));
    deliver(dir.file("dangling"), "made at the end of the link");
    EXPECT_TRUE(fs::is_symlink(dir.file("dangling")));
    EXPECT_EQ(slurp(dir.file("real/later.txt")), "made at the end of the link");
}

TEST(OutputFile, AFifoStaysAFifoAndItsReaderGetsTheBytes) {
    TempDir dir;
    const std::string fifo = dir.file("pipe");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string received;
    std::thread reader([&] { received = slurp(fifo); });
    const std::string document(200'000, 'x');  // more than a pipe holds at once
    OutputFile out(fifo, "test document");
    EXPECT_TRUE(out.in_place());
    EXPECT_EQ(out.temp_path().find(dir.path().string()), std::string::npos)
        << "the temporary file is not beside a FIFO";
    put(out.temp_path(), document);
    try {
        EXPECT_EQ(out.commit(), document.size());
    } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ::close(::open(fifo.c_str(), O_WRONLY | O_NONBLOCK));  // lets the reader go
    }
    reader.join();
    EXPECT_EQ(received, document);
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_FALSE(fs::exists(out.temp_path()));
}

TEST(OutputFile, ACharacterDeviceIsWrittenInPlace) {
    // Checked before committing: were /dev/null to be replaced, a root run
    // would break the machine rather than fail the test.
    OutputFile out("/dev/null", "test document");
    ASSERT_TRUE(out.in_place());
    put(out.temp_path(), "into the void");
    EXPECT_EQ(out.commit(), 13u);
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(OutputFile, FoldersAndMissingFoldersAreRefusedNamingThePath) {
    TempDir dir;
    const std::string folder = refusal(dir.path().string());
    EXPECT_NE(folder.find("is a folder"), std::string::npos) << folder;
    EXPECT_NE(folder.find(dir.path().string()), std::string::npos) << folder;
    const std::string missing = refusal(dir.file("no/such/doc.txt"));
    EXPECT_NE(missing.find("does not exist"), std::string::npos) << missing;
    put(dir.file("plain"), "x");
    const std::string under_file = refusal(dir.file("plain/doc.txt"));
    EXPECT_NE(under_file.find("is not a folder"), std::string::npos) << under_file;
    EXPECT_THROW(OutputFile::check(dir.path().string(), "test document"), StorageError);
    EXPECT_THROW(OutputFile("", "test document"), InvalidInput);
    EXPECT_NO_THROW(OutputFile::check(dir.file("fine.txt"), "test document"));
    EXPECT_FALSE(fs::exists(dir.file("fine.txt")));
}

TEST(OutputFile, ABlockDeviceIsRefused) {
    std::string device;
    for (const auto& e : fs::directory_iterator("/dev"))
        if (fs::is_block_file(e.symlink_status())) {
            device = e.path().string();
            break;
        }
    if (device.empty()) GTEST_SKIP() << "no block device in /dev";
    const std::string why = refusal(device);
    EXPECT_NE(why.find("block device"), std::string::npos) << why;
    EXPECT_TRUE(fs::is_block_file(device));
}
