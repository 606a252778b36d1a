// Files the command line reads and writes (issue 10, points 8 and 9).
// Inputs: only regular files under a cap; /dev/zero, a FIFO, a folder or an
// oversized file is refused at once with exit 1 and one line naming it,
// nothing written. Outputs: a FIFO or a symbolic link given as a target is
// left in place (the FIFO's reader gets the document, the link's file holds
// it), and "-" streams the document to standard output.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

extern char** environ;

using namespace sponsordesk::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kToday = "2026-04-15";

struct TimedResult {
    CliResult result;
    bool timed_out = false;
    double seconds = 0;
};

// Runs sponsordesk-cli --db DB ARGS like run_db, but kills it after
// `limit_s` seconds: a command that reads /dev/zero forever must fail the
// test, not hang it.
TimedResult run_within(double limit_s, const std::string& db, const std::vector<std::string>& args) {
    TempDir io;
    const std::string out_path = io.file("out"), err_path = io.file("err");
    std::vector<std::string> env_store;
    for (char** e = environ; *e; ++e) {
        const std::string kv = *e;
        if (kv.rfind("SPONSORDESK_DB=", 0) == 0 || kv.rfind("SPONSORDESK_TODAY=", 0) == 0) continue;
        env_store.push_back(kv);
    }
    env_store.push_back("SPONSORDESK_TODAY=" + kToday);
    std::vector<char*> envp;
    for (auto& kv : env_store) envp.push_back(kv.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_store{SPONSORDESK_CLI, "--db", test_db(db)};
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
    const auto start = std::chrono::steady_clock::now();
    const int rc = posix_spawn(&pid, SPONSORDESK_CLI, &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    TimedResult t;
    if (rc != 0) {
        ADD_FAILURE() << "cannot start " SPONSORDESK_CLI;
        return t;
    }
    int wstatus = 0;
    for (;;) {
        if (waitpid(pid, &wstatus, WNOHANG) == pid) break;
        const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        if (spent.count() > limit_s) {
            t.timed_out = true;
            kill(pid, SIGKILL);
            waitpid(pid, &wstatus, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.result.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    t.result.out = read_file(out_path);
    t.result.err = read_file(err_path);
    return t;
}

// Reads a FIFO to its end on a thread; finish() unblocks a reader whose
// writer never came.
class FifoReader {
public:
    explicit FifoReader(std::string path) : path_(std::move(path)) {
        EXPECT_EQ(::mkfifo(path_.c_str(), 0600), 0);
        thread_ = std::thread([this] { received_ = read_file(path_); });
    }
    std::string finish() {
        // Harmless when the reader is done: nobody waits on the FIFO then.
        const int fd = ::open(path_.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
        thread_.join();
        return received_;
    }

private:
    std::string path_;
    std::string received_;
    std::thread thread_;
};

class CliFiles : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = dir_.file("f.db");
        ok(issuing_publisher());
        ok({"publication", "add", "--name", "La Lettre", "--slug", "lettre"});
        ok({"placement", "add", "--publication", "lettre", "--code", "main", "--name", "Main sponsor", "--price",
            "1500"});
        ok({"issue", "plan", "--publication", "lettre", "--from", "2026-03-01", "--to", "2026-03-31"});
        ok(issuing_sponsor("Acme", "552100554"));
        booking_ = ok({"book", "--sponsor", "Acme", "--publication", "lettre", "--date", "2026-03-02", "--placement",
                       "main", "--status", "confirmed"});
        booking_.erase(booking_.find_last_not_of("\n") + 1);
        invoice_ =
            json::parse(ok({"--json", "invoice", "create", "--sponsor", "Acme", "--month", "2026-03"}))["id"].dump();
        ok({"invoice", "issue", invoice_, "--date", "2026-03-31"});
        ok({"issue", "set-draft", "--publication", "lettre", "--date", "2026-03-02", "--text",
            "Bonjour l'équipe.\n\n{{slot:main}}\n\n{{word_count}} mots."});
        before_ = fingerprint(db_);
    }

    std::string ok(const std::vector<std::string>& args) {
        CliResult r = run_db(db_, args, kToday);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }

    // The refusal of a bad input: quick, exit 1, one line naming the path,
    // the database as it was.
    void expect_refused(const std::vector<std::string>& args, const std::string& path, const std::string& why) {
        const TimedResult t = run_within(20, db_, args);
        ASSERT_FALSE(t.timed_out) << args[0] << " " << args[1] << " on " << path << " ran for 20 s";
        EXPECT_LT(t.seconds, 5) << path;
        EXPECT_EQ(t.result.status, 1) << t.result.err;
        EXPECT_EQ(std::count(t.result.err.begin(), t.result.err.end(), '\n'), 1) << t.result.err;
        EXPECT_NE(t.result.err.find(path), std::string::npos) << t.result.err;
        EXPECT_NE(t.result.err.find(why), std::string::npos) << t.result.err;
        EXPECT_EQ(fingerprint(db_), before_) << "the database changed";
    }

    // Every command that reads a file, on `path`.
    void expect_every_reader_refuses(const std::string& path, const std::string& why) {
        expect_refused({"import", "sponsors", "--csv", path}, path, why);
        expect_refused({"import", "bookings", "--csv", path}, path, why);
        expect_refused({"issue", "set-draft", "--publication", "lettre", "--date", "2026-03-02", "--file", path}, path,
                       why);
        expect_refused({"booking", "copy", booking_, "--file", path}, path, why);
        expect_refused({"house-ad", "set", "--publication", "lettre", "--placement", "main", "--file", path}, path,
                       why);
    }

    TempDir dir_;
    std::string db_, booking_, invoice_, before_;
};

TEST_F(CliFiles, DevZeroIsRefusedAtOnceByEveryCommandThatReadsAFile) {
    expect_every_reader_refuses("/dev/zero", "character device");
}

TEST_F(CliFiles, AFifoAFolderAndAnOversizedFileAreRefused) {
    const std::string fifo = dir_.file("in.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);  // no writer: reading it would wait forever
    expect_every_reader_refuses(fifo, "FIFO");
    expect_every_reader_refuses(dir_.path().string(), "folder");
    // Sparse files: the size is what counts, not what the disk holds.
    const std::string big_text = dir_.file("big.md");
    write_file(big_text, "");
    fs::resize_file(big_text, 1'000'001);
    expect_refused({"issue", "set-draft", "--publication", "lettre", "--date", "2026-03-02", "--file", big_text},
                   big_text, "too large");
    expect_refused({"booking", "copy", booking_, "--file", big_text}, big_text, "too large");
    const std::string big_csv = dir_.file("big.csv");
    write_file(big_csv, "");
    fs::resize_file(big_csv, 50'000'001);
    expect_refused({"import", "bookings", "--csv", big_csv}, big_csv, "too large");
}

TEST_F(CliFiles, AFileAtTheCapIsRead) {
    // A 1,000,000-byte draft is the draft's own maximum: accepted.
    const std::string draft = dir_.file("draft.md");
    write_file(draft, std::string(999'999, 'a') + "\n");
    ok({"issue", "set-draft", "--publication", "lettre", "--date", "2026-03-02", "--file", draft});
    // A symbolic link to a regular file is that file.
    const std::string link = dir_.file("draft-link.md");
    fs::create_symlink(draft, link);
    ok({"issue", "set-draft", "--publication", "lettre", "--date", "2026-03-02", "--file", link});
}

TEST_F(CliFiles, AFifoAsOutputStaysAFifoAndItsReaderGetsTheDocument) {
    const std::string fifo = dir_.file("out.fifo");
    FifoReader pdf(fifo);
    const TimedResult t = run_within(60, db_, {"invoice", "export", invoice_, "--pdf", fifo});
    const std::string received = pdf.finish();
    ASSERT_FALSE(t.timed_out);
    EXPECT_EQ(t.result.status, 0) << t.result.err;
    EXPECT_EQ(received.rfind("%PDF-", 0), 0u) << received.substr(0, 20);
    EXPECT_NE(received.find("%%EOF"), std::string::npos);
    EXPECT_TRUE(fs::is_fifo(fifo));

    FifoReader draft(dir_.file("draft.fifo"));
    const TimedResult d = run_within(
        60, db_,
        {"draft", "render", "--publication", "lettre", "--date", "2026-03-02", "--out", dir_.file("draft.fifo")});
    EXPECT_EQ(d.result.status, 0) << d.result.err;
    draft.finish();
    EXPECT_TRUE(fs::is_fifo(dir_.file("draft.fifo")));

    FifoReader backup(dir_.file("backup.fifo"));
    const TimedResult b = run_within(60, db_, {"backup", "--to", dir_.file("backup.fifo")});
    EXPECT_EQ(b.result.status, 0) << b.result.err;
    EXPECT_EQ(backup.finish().rfind(std::string("SQLite format 3\0", 16), 0), 0u);
    EXPECT_TRUE(fs::is_fifo(dir_.file("backup.fifo")));
    // No temporary file was left beside the FIFOs.
    for (const auto& e : fs::directory_iterator(dir_.path()))
        EXPECT_EQ(e.path().string().find(".partial"), std::string::npos) << e.path();
}

TEST_F(CliFiles, ASymlinkAsOutputStaysALinkAndItsFileHoldsTheDocument) {
    fs::create_directories(dir_.file("docs"));
    write_file(dir_.file("docs/invoice.pdf"), "old");
    fs::create_symlink(dir_.file("docs/invoice.pdf"), dir_.file("invoice.pdf"));
    fs::create_symlink("docs/invoice.xlsx", dir_.file("invoice.xlsx"));  // relative, leading to no file yet
    fs::create_symlink(dir_.file("docs/copy.db"), dir_.file("copy.db"));
    ok({"invoice", "export", invoice_, "--pdf", dir_.file("invoice.pdf"), "--xlsx", dir_.file("invoice.xlsx")});
    ok({"backup", "--to", dir_.file("copy.db")});
    for (const char* link : {"invoice.pdf", "invoice.xlsx", "copy.db"})
        EXPECT_TRUE(fs::is_symlink(dir_.file(link))) << link;
    EXPECT_EQ(read_file(dir_.file("docs/invoice.pdf")).rfind("%PDF-", 0), 0u);
    EXPECT_EQ(read_file(dir_.file("docs/invoice.xlsx")).rfind("PK", 0), 0u);
    EXPECT_EQ(read_file(dir_.file("docs/copy.db")).rfind("SQLite format 3", 0), 0u);
    const json sheet = read_xlsx(dir_.file("invoice.xlsx"));
    EXPECT_TRUE(sheet.is_object()) << sheet.dump();
}

TEST_F(CliFiles, DashStreamsTheDocumentToStandardOutputAlone) {
    const CliResult pdf = run_db(db_, {"invoice", "export", invoice_, "--pdf", "-"}, kToday);
    EXPECT_EQ(pdf.status, 0) << pdf.err;
    EXPECT_EQ(pdf.out.rfind("%PDF-", 0), 0u) << pdf.out.substr(0, 40);
    // The document alone: it ends with the PDF's trailer, no summary after.
    EXPECT_EQ(pdf.out.substr(pdf.out.rfind("%%EOF")), "%%EOF\n");
    const std::string written = dir_.file("same.pdf");
    ok({"invoice", "export", invoice_, "--pdf", written});
    EXPECT_EQ(pdf.out.size(), read_file(written).size());

    const CliResult xlsx = run_db(db_, {"--json", "invoice", "export", invoice_, "--xlsx", "-"}, kToday);
    EXPECT_EQ(xlsx.status, 0) << xlsx.err;
    EXPECT_EQ(xlsx.out.rfind("PK", 0), 0u);
    write_file(dir_.file("streamed.xlsx"), xlsx.out);
    EXPECT_TRUE(read_xlsx(dir_.file("streamed.xlsx")).is_object());

    const CliResult report = run_db(db_, {"report", "monthly", "--month", "2026-03", "--xlsx", "-"}, kToday);
    EXPECT_EQ(report.status, 0) << report.err;
    EXPECT_EQ(report.out.rfind("PK", 0), 0u);

    const CliResult backup = run_db(db_, {"backup", "--to", "-"}, kToday);
    EXPECT_EQ(backup.status, 0) << backup.err;
    EXPECT_EQ(backup.out.rfind(std::string("SQLite format 3\0", 16), 0), 0u);

    const CliResult draft =
        run_db(db_, {"draft", "render", "--publication", "lettre", "--date", "2026-03-02", "--out", "-"}, kToday);
    EXPECT_EQ(draft.status, 0) << draft.err;
    const CliResult plain = run_db(db_, {"draft", "render", "--publication", "lettre", "--date", "2026-03-02"}, kToday);
    EXPECT_EQ(draft.out, plain.out);

    // Two documents cannot share standard output.
    const CliResult both = run_db(db_, {"invoice", "export", invoice_, "--pdf", "-", "--xlsx", "-"}, kToday);
    EXPECT_EQ(both.status, 2) << both.err;
    EXPECT_TRUE(both.out.empty());
}

TEST_F(CliFiles, AFolderAsOutputIsRefusedAndLeftAlone) {
    const std::string folder = dir_.file("a-folder");
    fs::create_directories(folder);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"invoice", "export", invoice_, "--pdf", folder},
          std::vector<std::string>{"backup", "--to", folder},
          std::vector<std::string>{"draft", "render", "--publication", "lettre", "--date", "2026-03-02", "--out",
                                   folder}}) {
        const CliResult r = run_db(db_, args, kToday);
        EXPECT_EQ(r.status, 5) << r.err;
        EXPECT_NE(r.err.find(folder), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("is a folder"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(fs::is_empty(folder));
}

}  // namespace
