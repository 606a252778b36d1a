// Deals and scheduling through the real binary: book --dates / --every,
// booking move / price, invoice line add (read back from the PDF, the
// workbook and the billing report), issue plan --skip-holidays fr. Every
// refusal exits with SPEC's status, says one line naming the value, and
// leaves the database file as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "test_support.h"

using namespace sponsordesk::test;
using nlohmann::json;

namespace {

constexpr const char* kToday = "2026-03-01";

std::string squeeze(const std::string& raw) {
    std::string out;
    for (char c : raw) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (!blank)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

bool one_line(const std::string& err) {
    return !err.empty() && err.find('\n') == err.size() - 1 && err.rfind("sponsordesk-cli: ", 0) == 0;
}

std::vector<std::string> lines_of(const std::string& out) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < out.size()) {
        size_t nl = out.find('\n', start);
        if (nl == std::string::npos) nl = out.size();
        lines.push_back(out.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

class CliDeals : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir.file("deals.db");
        run(issuing_publisher());
        run({"publication", "add", "--name", "Le Brief Tech", "--slug", "brief", "--language", "fr",
             "--copy-deadline-days", "3"});
        run({"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Sponsor principal", "--price",
             "1500"});
        run({"placement", "add", "--publication", "brief", "--code", "CLASS", "--name", "Petite annonce", "--price",
             "200", "--slots", "4", "--max-words", "5"});
        run({"issue", "plan", "--publication", "brief", "--from", "2026-03-02", "--to", "2026-03-31"});
        for (const auto& [name, siren, category] :
             {std::tuple{"Acme", "552100554", "bank"}, std::tuple{"Bobco", "404833048", "bank"},
              std::tuple{"Cirrus", "443061841", "cloud"}}) {
            auto args = issuing_sponsor(name, siren);
            args.insert(args.end(), {"--category", category});
            run(args);
        }
    }

    CliResult run(std::vector<std::string> args, const std::string& today = kToday) {
        CliResult r = run_db(db, args, today);
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        EXPECT_EQ(r.status, 0) << joined << "\n" << r.err;
        return r;
    }
    json run_json(std::vector<std::string> args, const std::string& today = kToday) {
        args.insert(args.begin(), "--json");
        const CliResult r = run(args, today);
        try {
            return json::parse(r.out);
        } catch (const std::exception&) {
            ADD_FAILURE() << "not JSON: " << r.out;
            return json();
        }
    }
    // Runs a command that must be refused with `status`, in one line on
    // stderr naming each of `named`, leaving the database file unchanged.
    CliResult refused(std::vector<std::string> args, int status, const std::vector<std::string>& named,
                      const std::string& today = kToday) {
        const std::string before = fingerprint(db);
        const CliResult r = run_db(db, args, today);
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        EXPECT_EQ(r.status, status) << joined << "\n" << r.err;
        EXPECT_TRUE(one_line(r.err)) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        for (const auto& n : named) EXPECT_NE(r.err.find(n), std::string::npos) << n << " not in: " << r.err;
        EXPECT_EQ(fingerprint(db), before) << joined << ": the database changed";
        return r;
    }
    std::string book(const std::string& sponsor, const std::string& date, const std::string& code = "MAIN") {
        const CliResult r =
            run({"book", "--sponsor", sponsor, "--publication", "brief", "--date", date, "--placement", code});
        return r.out.substr(0, r.out.find('\n'));
    }
    std::vector<std::string> book_args(const std::string& sponsor, std::vector<std::string> how) {
        std::vector<std::string> args = {"book", "--sponsor", sponsor, "--publication", "brief", "--placement", "MAIN"};
        args.insert(args.end(), how.begin(), how.end());
        return args;
    }
    json booking(const std::string& id) { return run_json({"booking", "show", id}); }
    int count_bookings() { return static_cast<int>(run_json({"booking", "list"}).size()); }

    TempDir dir;
    std::string db;
};

// ------------------------------------------------------------ book --dates / --every

TEST_F(CliDeals, BookDatesPrintsOneIdPerLineAndJsonAnArray) {
    const CliResult r = run(book_args("Acme", {"--dates", "2026-03-10,2026-03-03,2026-03-05", "--price", "1200"}));
    const auto ids = lines_of(r.out);
    ASSERT_EQ(ids.size(), 3u) << r.out;
    EXPECT_EQ(booking(ids[0])["date"], "2026-03-03");  // in date order
    EXPECT_EQ(booking(ids[2])["date"], "2026-03-10");
    EXPECT_EQ(booking(ids[1])["price"], "1200.00");

    const json arr = run_json(book_args("Cirrus", {"--dates", "2026-03-16,2026-03-17"}));
    ASSERT_TRUE(arr.is_array());
    ASSERT_EQ(arr.size(), 2u);
    EXPECT_EQ(arr[0]["date"], "2026-03-16");
    EXPECT_EQ(arr[1]["sponsor"], "Cirrus");
    EXPECT_EQ(arr[1]["status"], "confirmed");
    EXPECT_TRUE(arr[0]["id"].is_number());
}

TEST_F(CliDeals, BookEveryTakesEveryIssueOfThoseWeekdaysInThePeriod) {
    const json arr = run_json(
        book_args("Acme", {"--every", "mon,thu", "--from", "2026-03-01", "--to", "2026-03-15", "--status", "hold"}));
    ASSERT_EQ(arr.size(), 4u);
    std::vector<std::string> dates;
    for (const auto& b : arr) dates.push_back(b["date"]);
    EXPECT_EQ(dates, (std::vector<std::string>{"2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12"}));
    EXPECT_EQ(arr[0]["status"], "hold");
    EXPECT_EQ(arr[0]["hold_until"], "2026-03-02");  // the default hold, not past its issue
    EXPECT_EQ(arr[3]["hold_until"], "2026-03-08");
}

TEST_F(CliDeals, EveryRefusedDateIsListedInOneLineAndNothingIsBooked) {
    book("Cirrus", "2026-03-04");
    book("Bobco", "2026-03-05", "CLASS");
    run({"issue", "set-status", "--publication", "brief", "--date", "2026-03-06", "sent"});
    const int before = count_bookings();
    const CliResult r =
        refused(book_args("Acme", {"--dates", "2026-03-03,2026-03-04,2026-03-05,2026-03-06"}), 4,
                {"3 of 4 dates refused", "2026-03-04: no open slot", "2026-03-05: competitor in the issue",
                 "2026-03-06: issue 2026-03-06 of brief is already sent"});
    EXPECT_EQ(r.err.find("2026-03-03:"), std::string::npos) << r.err;
    EXPECT_EQ(count_bookings(), before);
    // --every goes through the same checks.
    refused(book_args("Acme", {"--every", "wed,thu", "--from", "2026-03-02", "--to", "2026-03-08"}), 4,
            {"2 of 2 dates refused", "2026-03-04", "2026-03-05"});
}

TEST_F(CliDeals, BookingRefusalsExitWithTheirStatus) {
    // A date without an issue: not found, every such date named.
    refused(book_args("Acme", {"--dates", "2026-03-03,2026-03-07,2026-04-01"}), 3,
            {"no issue on 2026-03-07, 2026-04-01"});
    // A pattern that selects no issue: not found either (the period and the
    // weekdays are valid; the issues are missing, as for a date).
    refused(book_args("Acme", {"--every", "sat,sun", "--from", "2026-03-01", "--to", "2026-03-31"}), 3,
            {"no issue on sat,sun from 2026-03-01 to 2026-03-31"});
    refused(book_args("Acme", {"--every", "mon,xyz", "--from", "2026-03-01", "--to", "2026-03-31"}), 1, {"mon,xyz"});
    refused(book_args("Acme", {"--dates", "2026-03-03,2026-02-30"}), 1, {"2026-02-30"});
    refused(book_args("Acme", {"--every", "mon", "--from", "2026-03-31", "--to", "2026-03-01"}), 1, {"2026-03-01"});
    refused(book_args("Acme", {"--dates", "2026-03-03", "--price", "12,345"}), 1, {"12,345"});
    // A hold that would outlive one of the issues: invalid input on that date.
    refused(book_args("Acme", {"--dates", "2026-03-03,2026-03-12", "--hold-until", "2026-03-10"}), 1,
            {"2026-03-03: hold expiry 2026-03-10 is after the issue date 2026-03-03"});
    // Usage: exactly one way of naming the issues.
    refused(book_args("Acme", {"--date", "2026-03-03", "--dates", "2026-03-04"}), 2, {"--dates"});
    refused(book_args("Acme", {"--every", "mon"}), 2, {"--from"});
    refused(book_args("Acme", {"--dates", "2026-03-03", "--from", "2026-03-01"}), 2, {"--every"});
    EXPECT_EQ(count_bookings(), 0);
}

// ------------------------------------------------------------ booking move / price

TEST_F(CliDeals, MoveKeepsPriceCopyAndStatusAndFreesTheSlot) {
    const std::string id = book("Acme", "2026-03-03");
    run({"booking", "price", id, "1234,50"});
    run({"booking", "copy", id, "--text", "Ouvrez un compte."});
    const json moved = run_json({"booking", "move", id, "--date", "2026-03-20"});
    EXPECT_EQ(moved["id"].get<long long>(), std::stoll(id));
    EXPECT_EQ(moved["date"], "2026-03-20");
    EXPECT_EQ(moved["price"], "1234.50");
    EXPECT_EQ(moved["status"], "copy-received");
    EXPECT_EQ(moved["copy"], "Ouvrez un compte.");
    EXPECT_EQ(moved["copy_due"], "2026-03-17");
    book("Bobco", "2026-03-03");  // the old slot is free
    const CliResult text = run({"booking", "move", id, "--date", "2026-03-20", "--placement", "CLASS"});
    EXPECT_NE(text.out.find("CLASS"), std::string::npos) << text.out;
    EXPECT_EQ(booking(id)["placement"], "CLASS");
}

TEST_F(CliDeals, MoveRefusals) {
    const std::string id = book("Acme", "2026-03-03");
    book("Cirrus", "2026-03-04");
    book("Bobco", "2026-03-05", "CLASS");
    run({"issue", "set-status", "--publication", "brief", "--date", "2026-03-06", "sent"});
    refused({"booking", "move", id, "--date", "2026-03-04"}, 4, {"no open slot", "Cirrus"});
    refused({"booking", "move", id, "--date", "2026-03-05"}, 4, {"competitor in the issue", "Bobco"});
    refused({"booking", "move", id, "--date", "2026-03-06"}, 4, {"2026-03-06", "already sent"});
    refused({"booking", "move", id, "--date", "2026-03-07"}, 3, {"2026-03-07"});
    refused({"booking", "move", id, "--date", "2026-03-09", "--placement", "NOPE"}, 3, {"NOPE"});
    refused({"booking", "move", "999", "--date", "2026-03-09"}, 3, {"999"});
    refused({"booking", "move", id, "--date", "2026-3-9"}, 1, {"2026-3-9"});
    // Copy too long for the new placement.
    const std::string c = book("Cirrus", "2026-03-10");
    run({"booking", "copy", c, "--text", "un deux trois quatre cinq six"});
    refused({"booking", "move", c, "--date", "2026-03-10", "--placement", "CLASS"}, 1, {"6 words", "at most 5"});
    // Published, or invoiced: it stays where it is.
    run({"booking", "copy", id, "--text", "Texte."});
    run({"booking", "status", id, "approved"});
    run({"booking", "status", id, "published"});
    refused({"booking", "move", id, "--date", "2026-03-11"}, 4, {"booking " + id + " is published"});
    const std::string inv = book("Bobco", "2026-03-12");
    run({"invoice", "create", "--sponsor", "Bobco", "--bookings", inv});
    refused({"booking", "move", inv, "--date", "2026-03-13"}, 4, {"booking " + inv + " is on invoice draft #"});
}

TEST_F(CliDeals, PriceChangesUntilInvoiced) {
    const std::string id = book("Acme", "2026-03-03");
    const json j = run_json({"booking", "price", id, "990"});
    EXPECT_EQ(j["price"], "990.00");
    refused({"booking", "price", id, "-5"}, 1, {"-5"});
    refused({"booking", "price", id, "9.999"}, 1, {"9.999"});
    refused({"booking", "price", "999", "10"}, 3, {"999"});
    run({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    refused({"booking", "price", id, "100"}, 4, {"booking " + id, "invoice"});
    EXPECT_EQ(booking(id)["price"], "990.00");
}

// ------------------------------------------------------------ invoice line add

TEST_F(CliDeals, AFreeLineIsOnThePdfTheWorkbookAndTheBillingTotals) {
    book("Acme", "2026-03-03");
    const json draft = run_json({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    const std::string id = std::to_string(draft["id"].get<long long>());
    const json one =
        run_json({"invoice", "line", "add", id, "--description", "Frais de production", "--amount", "250"});
    EXPECT_EQ(one["net"], "1750.00");
    EXPECT_EQ(one["vat"], "350.00");
    const json two = run_json(
        {"invoice", "line", "add", id, "--description", "Droits photo", "--amount", "100,50", "--vat-rate", "5.5"});
    ASSERT_EQ(two["lines"].size(), 3u);
    EXPECT_TRUE(two["lines"][2]["booking_id"].is_null());
    EXPECT_EQ(two["lines"][2]["vat_rate"], "5.5");
    EXPECT_EQ(two["lines"][2]["vat"], "5.53");
    EXPECT_EQ(two["net"], "1850.50");
    EXPECT_EQ(two["vat"], "355.53");
    EXPECT_EQ(two["gross"], "2206.03");

    const json issued = run_json({"invoice", "issue", id, "--date", "2026-03-31"}, "2026-04-01");
    EXPECT_EQ(issued["gross"], "2206.03");
    EXPECT_EQ(issued["lines"][2]["vat_rate"], "5.5");
    refused({"invoice", "line", "add", id, "--description", "Trop tard", "--amount", "10"}, 4,
            {issued["number"].get<std::string>(), "already issued"}, "2026-04-01");

    const std::string pdf = dir.file("inv.pdf"), xlsx = dir.file("inv.xlsx"), billing = dir.file("billing.xlsx");
    run({"invoice", "export", id, "--pdf", pdf, "--xlsx", xlsx}, "2026-04-01");
    const std::string text = squeeze(run_command("pdftotext -layout '" + pdf + "' -"));
    for (const char* s : {"Frais de production", "Droits photo", "250,00", "100,50", "5,5", "2 206,03"})
        EXPECT_NE(text.find(s), std::string::npos) << s << " not in the PDF:\n" << text;
    // The Factur-X XML inside carries the free lines too.
    const std::string xml_path = dir.file("inv.xml");
    run({"invoice", "export", id, "--cii", xml_path}, "2026-04-01");
    const std::string xml = read_file(xml_path);
    EXPECT_NE(xml.find("Frais de production"), std::string::npos);
    EXPECT_NE(xml.find("<ram:RateApplicablePercent>5.5"), std::string::npos);

    const json book_x = read_xlsx(xlsx);
    std::string strings;
    std::vector<double> numbers;
    for (const auto& [ref, cell] : book_x["sheets"][0]["cells"].items()) {
        if (cell["type"] == "s") strings += cell["value"].get<std::string>() + "\n";
        if (cell["value"].is_number()) numbers.push_back(cell["value"].get<double>());
        if (cell["cached"].is_number()) numbers.push_back(cell["cached"].get<double>());
    }
    EXPECT_NE(strings.find("Frais de production"), std::string::npos) << strings;
    EXPECT_NE(strings.find("Droits photo"), std::string::npos) << strings;
    auto has = [&](double v) {
        return std::any_of(numbers.begin(), numbers.end(), [&](double n) { return std::abs(n - v) < 0.001; });
    };
    EXPECT_TRUE(has(100.50));
    EXPECT_TRUE(has(2206.03));

    const json rep =
        run_json({"report", "billing", "--from", "2026-03-01", "--to", "2026-03-31", "--xlsx", billing}, "2026-04-01");
    EXPECT_EQ(rep["net"], "1850.50");
    EXPECT_EQ(rep["gross"], "2206.03");
}

TEST_F(CliDeals, FreeLineRefusals) {
    book("Acme", "2026-03-03");
    const json draft = run_json({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    const std::string id = std::to_string(draft["id"].get<long long>());
    refused({"invoice", "line", "add", id, "--description", "Frais", "--amount", "abc"}, 1, {"abc"});
    refused({"invoice", "line", "add", id, "--description", "Frais", "--amount", "-10"}, 1, {"-10"});
    refused({"invoice", "line", "add", id, "--description", "Frais", "--amount", "0"}, 1, {"0.00"});
    refused({"invoice", "line", "add", id, "--description", "Frais", "--amount", "10", "--vat-rate", "120"}, 1,
            {"120"});
    refused({"invoice", "line", "add", id, "--description", "Frais", "--amount", "10", "--vat-rate", "0"}, 1, {"0"});
    refused({"invoice", "line", "add", id, "--description", "", "--amount", "10"}, 1, {"description"});
    refused({"invoice", "line", "add", "999", "--description", "Frais", "--amount", "10"}, 3, {"999"});
    refused({"invoice", "line", "add", id, "--amount", "10"}, 2, {"--description"});
}

// ------------------------------------------------------------ issue plan --skip-holidays

TEST_F(CliDeals, PlanningMay2026SkipsFrenchHolidays) {
    run({"publication", "add", "--name", "Le Matin", "--slug", "matin", "--cadence", "mon,tue,wed,thu,fri"});
    const json arr = run_json({"issue", "plan", "--publication", "matin", "--from", "2026-05-01", "--to", "2026-05-31",
                               "--skip-holidays", "fr"});
    ASSERT_EQ(arr.size(), 17u);  // 21 weekdays, less 1 May (Fri), 8 May (Fri), 14 May (Thu), 25 May (Mon)
    for (const auto& i : arr)
        for (const char* h : {"2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25"}) EXPECT_NE(i["date"], h);
    // A weekly on Mondays loses Whit Monday only.
    run({"publication", "add", "--name", "Le Lundi", "--slug", "lundi", "--cadence", "mon"});
    const CliResult r = run({"issue", "plan", "--publication", "lundi", "--from", "2026-05-01", "--to", "2026-05-31",
                             "--skip-holidays", "fr"});
    EXPECT_NE(r.out.find("3 issues planned"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("2026-05-25"), std::string::npos) << r.out;
    refused({"issue", "plan", "--publication", "lundi", "--from", "2026-06-01", "--to", "2026-06-30", "--skip-holidays",
             "de"},
            1, {"\"de\""});
}

// ------------------------------------------------------------ booking order

TEST_F(CliDeals, TheInsertionOrderReadsBackWithPricesTotalsDeadlinesTermsAndSignatures) {
    const std::string a = book("Acme", "2026-03-10"), b = book("Acme", "2026-03-03", "CLASS");
    run({"booking", "price", a, "1200"});
    const std::string pdf = dir.file("bon.pdf");
    const json j = run_json({"booking", "order", "--bookings", a + "," + b, "--pdf", pdf});
    EXPECT_EQ(j["bookings"], 2);
    EXPECT_EQ(j["language"], "fr");
    EXPECT_EQ(j["net"], "1400.00");
    EXPECT_EQ(j["gross"], "1680.00");
    const std::string text = squeeze(run_command("pdftotext -layout '" + pdf + "' -"));
    for (const char* s : {"BON DE COMMANDE",
                          "Date : 01/03/2026",
                          "Éditeur",
                          "Éditions du Matin SAS",
                          "SIREN 732 829 320",
                          "Annonceur",
                          "Acme",
                          "Le Brief Tech n° 2",
                          "03/03/2026",
                          "Petite annonce",
                          "Sponsor principal",
                          "1 500,00 €",
                          "300,00 €",
                          "1 200,00 €",
                          "200,00 €",
                          "Total HT 1 400,00 €",
                          "TVA 20 %",
                          "Total TTC 1 680,00 €",
                          "Remise du texte",
                          "28/02/2026",
                          "07/03/2026",
                          "Paiement à 30 jours",
                          "IBAN FR7630006000011234567890189",
                          "Annulation : une insertion peut être annulée",
                          "Pour l'éditeur",
                          "Bon pour accord — pour l'annonceur",
                          "Signature et cachet",
                          "page 1/1"})
        EXPECT_NE(text.find(s), std::string::npos) << s << " not in:\n" << text;
    // The line of the 3rd comes first.
    EXPECT_LT(text.find("03/03/2026"), text.find("10/03/2026"));

    // An English publication: the order is in English.
    run({"publication", "add", "--name", "The Weekly", "--slug", "weekly", "--language", "en"});
    run({"placement", "add", "--publication", "weekly", "--code", "MAIN", "--name", "Main sponsor", "--price", "900"});
    run({"issue", "add", "--publication", "weekly", "--date", "2026-03-12"});
    const CliResult w =
        run({"book", "--sponsor", "Cirrus", "--publication", "weekly", "--date", "2026-03-12", "--placement", "MAIN"});
    const std::string en_pdf = dir.file("order.pdf");
    run({"booking", "order", "--bookings", w.out.substr(0, w.out.find('\n')), "--pdf", en_pdf});
    const std::string en = squeeze(run_command("pdftotext -layout '" + en_pdf + "' -"));
    for (const char* s : {"INSERTION ORDER", "The Weekly no. 1", "Copy due", "Agreed price",
                          "Cancellation:", "Accepted — for the sponsor", "Total incl. VAT"})
        EXPECT_NE(en.find(s), std::string::npos) << s << " not in:\n" << en;
}

TEST_F(CliDeals, InsertionOrderRefusalsWriteNothing) {
    const std::string a = book("Acme", "2026-03-10"), c = book("Cirrus", "2026-03-11");
    const std::string pdf = dir.file("bon.pdf");
    refused({"booking", "order", "--bookings", a + "," + c, "--pdf", pdf}, 1, {"booking " + c, "Cirrus", "Acme"});
    refused({"booking", "order", "--bookings", a + ",999", "--pdf", pdf}, 3, {"999"});
    refused({"booking", "order", "--bookings", a + ",x", "--pdf", pdf}, 1, {"\"x\""});
    refused({"booking", "order", "--bookings", a + "," + a, "--pdf", pdf}, 1, {"listed twice"});
    run({"booking", "status", c, "cancelled"});
    refused({"booking", "order", "--bookings", c, "--pdf", pdf}, 4, {"booking " + c + " is cancelled"});
    refused({"booking", "order", "--bookings", a, "--pdf", dir.file("no/such/dir/bon.pdf")}, 5, {"no/such/dir"});
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

}  // namespace
