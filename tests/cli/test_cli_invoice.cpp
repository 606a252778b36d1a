// `sponsordesk-cli invoice …` run as a script or an accountant would: the
// full flow in JSON, overdue with a faked today, credit notes, refusals with
// their exit statuses, and the PDF read back with poppler's tools.
#include <gtest/gtest.h>

#include "test_support.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;
using nlohmann::json;

using sponsordesk::test::run_command;

namespace {

constexpr const char* kToday = "2026-03-31";

// pdftotext -layout with every run of blanks made one space, so that a
// phrase laid out across columns still matches.
std::string pdf_text(const std::string& path) {
    const std::string raw = run_command("pdftotext -layout '" + path + "' -");
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

int pdf_pages(const std::string& path) {
    std::istringstream in(run_command("pdfinfo '" + path + "'"));
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
    return -1;
}

bool one_line(const std::string& err) {
    return !err.empty() && err.find('\n') == err.size() - 1 && err.rfind("sponsordesk-cli: ", 0) == 0;
}

class CliInvoice : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir.file("s.db");
        publisher();
        run({"publication", "add", "--name", "Le Brief Tech", "--slug", "brief", "--language", "fr"});
        run({"publication", "add", "--name", "The Weekly", "--slug", "weekly", "--language", "en"});
        for (const char* slug : {"brief", "weekly"})
            run({"placement", "add", "--publication", slug, "--code", "MAIN", "--name",
                 std::string(slug) == "brief" ? "Sponsor principal" : "Main sponsor", "--price", "1500", "--slots",
                 "50"});
        run({"sponsor", "add", "--name", "Acme", "--legal-name", "Acme SAS", "--address-line", "1 avenue de l'Opéra",
             "--postcode", "75001", "--city", "Paris", "--siren", "552100554", "--vat-number", "FR96552100554"});
        run({"sponsor", "add", "--name", "Berlin Media", "--legal-name", "Berlin Media GmbH", "--address-line",
             "Unter den Linden 1", "--postcode", "10117", "--city", "Berlin", "--country", "DE", "--vat-number",
             "DE129273398", "--einvoice-address", "rechnung@berlin-media.de"});
        run({"sponsor", "add", "--name", "Gotham Ads", "--legal-name", "Gotham Ads Inc.", "--address-line",
             "1 Main Street", "--postcode", "10001", "--city", "New York", "--country", "US", "--einvoice-address",
             "billing@gotham-ads.com"});
    }

    virtual void publisher() { run(issuing_publisher("Média Lettres SAS")); }

    // Runs and requires exit 0.
    CliResult run(std::vector<std::string> args, const std::string& today = kToday) {
        CliResult r = run_db(db, args, today);
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        EXPECT_EQ(r.status, 0) << joined << "\n" << r.err;
        return r;
    }
    json run_json(std::vector<std::string> args, const std::string& today = kToday) {
        args.insert(args.begin(), "--json");
        CliResult r = run(args, today);
        try {
            return json::parse(r.out);
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not JSON: " << r.out;
            return json();
        }
    }
    CliResult fail(std::vector<std::string> args, const std::string& today = kToday) { return run_db(db, args, today); }

    std::string book(const std::string& sponsor, const std::string& date, const std::string& slug = "brief",
                     const std::string& price = "") {
        run_db(db, {"issue", "add", "--publication", slug, "--date", date});  // exit 4 once it exists
        std::vector<std::string> args = {"book",   "--sponsor", sponsor,       "--publication", slug,
                                         "--date", date,        "--placement", "MAIN"};
        if (!price.empty()) args.insert(args.end(), {"--price", price});
        CliResult r = run(args, "2026-01-01");
        std::string id = r.out;
        while (!id.empty() && id.back() == '\n') id.pop_back();
        return id;
    }

    std::string create_issue(const std::string& sponsor, const std::string& month, const std::string& date = "") {
        json d = run_json({"invoice", "create", "--sponsor", sponsor, "--month", month});
        const std::string id = std::to_string(d["id"].get<long long>());
        std::vector<std::string> args = {"invoice", "issue", id};
        if (!date.empty()) args.insert(args.end(), {"--date", date});
        run(args);
        return id;
    }

    TempDir dir;
    std::string db;
};

TEST_F(CliInvoice, CreateIssuePayPartlyThenTheRestIsPaid) {
    const std::string b1 = book("Acme", "2026-03-02"), b2 = book("Acme", "2026-03-09", "brief", "1000,50");
    book("Acme", "2026-04-06");  // April: not on the March invoice

    json d = run_json({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    EXPECT_TRUE(d["number"].is_null());
    EXPECT_EQ(d["status"], "draft");
    EXPECT_EQ(d["kind"], "invoice");
    EXPECT_EQ(d["sponsor"], "Acme");
    EXPECT_TRUE(d["issue_date"].is_null());
    EXPECT_EQ(d["net"], "2500.50");
    EXPECT_EQ(d["vat"], "500.10");
    EXPECT_EQ(d["gross"], "3000.60");
    EXPECT_EQ(d["currency"], "EUR");
    ASSERT_EQ(d["lines"].size(), 2u);
    EXPECT_EQ(d["lines"][0]["description"], "Le Brief Tech — 2026-03-02 — Sponsor principal");
    EXPECT_EQ(d["lines"][0]["service_date"], "2026-03-02");
    EXPECT_EQ(d["lines"][0]["booking_id"], std::stoll(b1));
    EXPECT_EQ(d["lines"][1]["booking_id"], std::stoll(b2));
    EXPECT_EQ(d["lines"][1]["net"], "1000.50");
    EXPECT_EQ(d["lines"][1]["vat"], "200.10");
    const std::string id = std::to_string(d["id"].get<long long>());

    json i = run_json({"invoice", "issue", id});
    EXPECT_EQ(i["number"], "2026-0001");
    EXPECT_EQ(i["status"], "issued");
    EXPECT_EQ(i["issue_date"], "2026-03-31");
    EXPECT_EQ(i["due_date"], "2026-04-30");
    EXPECT_EQ(i["paid"], "0.00");

    json p = run_json({"invoice", "pay", id, "--amount", "1000", "--date", "2026-04-10"}, "2026-04-10");
    EXPECT_EQ(p["status"], "issued");
    EXPECT_EQ(p["paid"], "1000.00");
    EXPECT_EQ(p["outstanding"], "2000.60");
    p = run_json({"invoice", "pay", "2026-0001", "--amount", "2000,60", "--date", "2026-04-12"}, "2026-04-12");
    EXPECT_EQ(p["status"], "paid");
    EXPECT_EQ(p["paid"], "3000.60");
    EXPECT_EQ(p["outstanding"], "0.00");
    ASSERT_EQ(p["payments"].size(), 2u);
    EXPECT_EQ(p["payments"][1]["date"], "2026-04-12");

    // The bookings show the invoice that holds them.
    json bl = run_json({"booking", "list", "--sponsor", "Acme"});
    EXPECT_EQ(bl[0]["invoice"], "2026-0001");
    EXPECT_TRUE(bl[2]["invoice"].is_null());

    const std::string text = run({"invoice", "show", id}, "2026-04-12").out;
    EXPECT_NE(text.find("2026-0001"), std::string::npos) << text;
    EXPECT_NE(text.find("paid"), std::string::npos) << text;
    EXPECT_NE(text.find("3000.60"), std::string::npos) << text;
}

TEST_F(CliInvoice, OverdueIsListedWithDaysOverdue) {
    book("Acme", "2026-03-02");
    book("Gotham Ads", "2026-03-03");
    const std::string late = create_issue("Acme", "2026-03", "2026-03-05");  // due 2026-04-04
    const std::string fine = create_issue("Gotham Ads", "2026-03");          // due 2026-04-30
    run({"invoice", "pay", fine, "--amount", "1500", "--date", "2026-03-31"});

    json none = run_json({"invoice", "list", "--status", "overdue"}, "2026-04-04");
    EXPECT_TRUE(none.empty()) << "due today is not overdue yet";
    json over = run_json({"invoice", "list", "--status", "overdue"}, "2026-04-14");
    ASSERT_EQ(over.size(), 1u);
    EXPECT_EQ(over[0]["id"], std::stoll(late));
    EXPECT_EQ(over[0]["status"], "overdue");
    EXPECT_EQ(over[0]["days_overdue"], 10);
    EXPECT_EQ(over[0]["number"], "2026-0001");
    const std::string text = run({"invoice", "list", "--status", "overdue"}, "2026-04-14").out;
    EXPECT_NE(text.find("overdue 10 days"), std::string::npos) << text;
    EXPECT_EQ(text.find("Gotham"), std::string::npos) << text;

    json paid = run_json({"invoice", "list", "--status", "paid"}, "2026-04-14");
    ASSERT_EQ(paid.size(), 1u);
    EXPECT_EQ(paid[0]["sponsor"], "Gotham Ads");
    EXPECT_EQ(run_json({"invoice", "list", "--sponsor", "Acme"}, "2026-04-14").size(), 1u);
}

TEST_F(CliInvoice, CancelIssuesACreditNoteAndFreesTheBookings) {
    const std::string b = book("Acme", "2026-03-02");
    const std::string id = create_issue("Acme", "2026-03");
    json cn = run_json({"invoice", "cancel", id});
    EXPECT_EQ(cn["kind"], "credit_note");
    EXPECT_EQ(cn["number"], "AV-2026-0001");
    EXPECT_EQ(cn["credited_invoice"], "2026-0001");
    EXPECT_EQ(cn["status"], "issued");
    EXPECT_EQ(cn["net"], "-1500.00");
    EXPECT_EQ(cn["vat"], "-300.00");
    EXPECT_EQ(cn["gross"], "-1800.00");
    ASSERT_EQ(cn["lines"].size(), 1u);
    EXPECT_EQ(cn["lines"][0]["description"], "Le Brief Tech — 2026-03-02 — Sponsor principal");

    json inv = run_json({"invoice", "show", id});
    EXPECT_EQ(inv["status"], "cancelled");
    EXPECT_EQ(inv["credit_note"], "AV-2026-0001");
    EXPECT_EQ(fail({"invoice", "cancel", id}).status, 4);
    EXPECT_EQ(fail({"invoice", "pay", id, "--amount", "1", "--date", kToday}).status, 4);

    json again = run_json({"invoice", "create", "--sponsor", "Acme", "--bookings", b});
    EXPECT_EQ(again["lines"][0]["booking_id"], std::stoll(b));
    const std::string again_id = std::to_string(again["id"].get<long long>());
    EXPECT_EQ(run_json({"invoice", "issue", again_id})["number"], "2026-0002");

    // A draft is simply deleted.
    book("Acme", "2026-03-03");
    json d = run_json({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    json del = run_json({"invoice", "cancel", std::to_string(d["id"].get<long long>())});
    EXPECT_EQ(del["deleted"], true);
    EXPECT_EQ(fail({"invoice", "show", std::to_string(d["id"].get<long long>())}).status, 3);
}

TEST_F(CliInvoice, FrenchPdfCarriesTheNumberTotalsAndMandatoryMentions) {
    book("Acme", "2026-03-02");
    const std::string id = create_issue("Acme", "2026-03");
    const std::string pdf = dir.file("facture.pdf"), xlsx = dir.file("facture.xlsx");
    run({"invoice", "export", id, "--pdf", pdf, "--xlsx", xlsx});
    const std::string t = pdf_text(pdf);
    for (const char* needle : {"FACTURE",
                               "2026-0001",
                               "Date d'émission : 31/03/2026",
                               "Date d'échéance : 30/04/2026",
                               "Média Lettres SAS",
                               "1 rue de la Paix",
                               "75002 Paris",
                               "SAS — RCS Paris 732 829 320",
                               "SIREN 732 829 320",
                               "FR44732829320",
                               "Acme SAS",
                               "1 avenue de l'Opéra",
                               "75001 Paris",
                               "SIREN 552 100 554",
                               "FR96552100554",
                               "Prestation de services",
                               "Le Brief Tech — 2026-03-02 — Sponsor principal",
                               "02/03/2026",
                               "1 500,00 €",
                               "300,00 €",
                               "1 800,00 €",
                               "20 %",
                               "Pas d'escompte pour paiement anticipé",
                               "pénalités exigibles",
                               "Indemnité forfaitaire pour frais de recouvrement de 40 €",
                               "FR7630006000011234567890189",
                               "page 1/1"})
        EXPECT_NE(t.find(needle), std::string::npos) << "missing " << needle << " in:\n" << t;
    EXPECT_EQ(t.find("Autoliquidation"), std::string::npos);
    EXPECT_EQ(read_file(xlsx).substr(0, 2), "PK");

    // The credit note cites the invoice's number and date.
    json cn = run_json({"invoice", "cancel", id});
    const std::string cn_pdf = dir.file("avoir.pdf");
    run({"invoice", "export", "AV-2026-0001", "--pdf", cn_pdf});
    const std::string c = pdf_text(cn_pdf);
    for (const char* needle : {"AVOIR", "AV-2026-0001", "Avoir sur la facture n° 2026-0001 du 31/03/2026", "1 800,00 €",
                               "Prestation de services"})
        EXPECT_NE(c.find(needle), std::string::npos) << "missing " << needle << " in:\n" << c;
    // A credit note is not paid: no due date, terms, bank account, penalties or indemnity.
    for (const char* absent : {"Date d'échéance", "FR7630006000011234567890189", "pénalités", "40 €"})
        EXPECT_EQ(c.find(absent), std::string::npos) << absent << " on a credit note:\n" << c;
}

TEST_F(CliInvoice, EnglishReverseChargeAndNonEuPdfs) {
    book("Berlin Media", "2026-03-02", "weekly");
    const std::string de = create_issue("Berlin Media", "2026-03");
    const std::string pdf = dir.file("invoice.pdf");
    run({"invoice", "export", de, "--pdf", pdf});
    const std::string t = pdf_text(pdf);
    for (const char* needle :
         {"INVOICE", "2026-0001", "Issue date", "31 March 2026", "Due date", "30 April 2026", "Provision of services",
          "Autoliquidation — reverse charge, art. 196 of Directive 2006/112/EC", "DE129273398", "Germany",
          "FR44732829320", "Berlin Media GmbH", "€1,500.00", "No discount for early payment",
          "Fixed recovery indemnity of €40", "page 1/1"})
        EXPECT_NE(t.find(needle), std::string::npos) << "missing " << needle << " in:\n" << t;
    json j = run_json({"invoice", "show", de});
    EXPECT_EQ(j["vat"], "0.00");
    EXPECT_EQ(j["gross"], "1500.00");
    EXPECT_EQ(j["lines"][0]["vat_category"], "AE");

    book("Gotham Ads", "2026-03-03");
    const std::string us = create_issue("Gotham Ads", "2026-03");
    const std::string us_pdf = dir.file("us.pdf");
    run({"invoice", "export", us, "--pdf", us_pdf});
    const std::string u = pdf_text(us_pdf);
    EXPECT_NE(u.find("TVA non applicable, art. 259-1 du CGI"), std::string::npos) << u;
    EXPECT_NE(u.find("1 500,00 €"), std::string::npos) << u;
    EXPECT_EQ(run_json({"invoice", "show", us})["lines"][0]["vat_category"], "G");
}

TEST_F(CliInvoice, AHundredAndTwentyLinesSpanSeveralNumberedPages) {
    run({"issue", "plan", "--publication", "brief", "--from", "2026-03-02", "--to", "2026-03-31"});  // 22 issues
    json issues = run_json({"issue", "list", "--publication", "brief"});
    ASSERT_EQ(issues.size(), 22u);
    for (int k = 0; k < 120; ++k)
        run({"book", "--sponsor", "Acme", "--publication", "brief", "--date",
             issues[size_t(k % 22)]["date"].get<std::string>(), "--placement", "MAIN"},
            "2026-01-01");
    json inv = run_json({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    ASSERT_EQ(inv["lines"].size(), 120u);
    EXPECT_EQ(inv["gross"], "216000.00");
    run({"invoice", "issue", std::to_string(inv["id"].get<long long>())});
    const std::string pdf = dir.file("long.pdf");
    run({"invoice", "export", "2026-0001", "--pdf", pdf});
    const int pages = pdf_pages(pdf);
    EXPECT_GT(pages, 1);
    const std::string t = pdf_text(pdf);
    EXPECT_NE(t.find(fmt::format("page 1/{}", pages)), std::string::npos);
    EXPECT_NE(t.find(fmt::format("page {0}/{0}", pages)), std::string::npos);
    EXPECT_NE(t.find("180 000,00 €"), std::string::npos) << "total net";
    EXPECT_NE(t.find("216 000,00 €"), std::string::npos) << "total gross";
    EXPECT_NE(t.find("Indemnité forfaitaire"), std::string::npos);
}

TEST_F(CliInvoice, ParallelProcessesIssueGaplessDistinctNumbers) {
    constexpr int kWorkers = 4, kEach = 12;
    run({"issue", "plan", "--publication", "brief", "--from", "2026-03-02", "--to", "2026-03-13"});  // 10 issues
    json issues = run_json({"issue", "list", "--publication", "brief"});
    std::vector<std::string> bookings;
    for (int k = 0; k < kWorkers * kEach; ++k) {
        CliResult r = run({"book", "--sponsor", "Acme", "--publication", "brief", "--date",
                           issues[size_t(k % 10)]["date"].get<std::string>(), "--placement", "MAIN"},
                          "2026-01-01");
        bookings.push_back(r.out.substr(0, r.out.find('\n')));
    }
    // Each worker creates and issues its own invoices while the others do.
    std::vector<std::vector<std::string>> numbers(kWorkers);
    std::vector<std::string> errors(kWorkers);
    std::vector<std::thread> threads;
    for (int w = 0; w < kWorkers; ++w)
        threads.emplace_back([&, w] {
            for (int k = 0; k < kEach; ++k) {
                const std::string& b = bookings[size_t(w * kEach + k)];
                CliResult c = run_db(db, {"--json", "invoice", "create", "--sponsor", "Acme", "--bookings", b}, kToday);
                if (c.status != 0) {
                    errors[size_t(w)] += c.err;
                    continue;
                }
                const std::string id = std::to_string(json::parse(c.out)["id"].get<long long>());
                CliResult i = run_db(db, {"--json", "invoice", "issue", id}, kToday);
                if (i.status != 0) {
                    errors[size_t(w)] += i.err;
                    continue;
                }
                numbers[size_t(w)].push_back(json::parse(i.out)["number"].get<std::string>());
            }
        });
    for (auto& t : threads) t.join();
    for (const auto& e : errors) EXPECT_EQ(e, "");

    std::multiset<std::string> seen;
    for (const auto& ns : numbers) seen.insert(ns.begin(), ns.end());
    std::multiset<std::string> expected;
    for (int n = 1; n <= kWorkers * kEach; ++n) expected.insert(fmt::format("2026-{:04}", n));
    EXPECT_EQ(seen, expected) << "numbers must be 1..N, each once";
    // Each worker saw its own numbers increase.
    for (const auto& ns : numbers) EXPECT_TRUE(std::is_sorted(ns.begin(), ns.end()));

    // Several processes racing for the same booking: exactly one wins.
    const std::string last = book("Acme", "2026-03-16");
    std::vector<int> status(6, -1);
    threads.clear();
    for (size_t k = 0; k < status.size(); ++k)
        threads.emplace_back([&, k] {
            status[k] = run_db(db, {"invoice", "create", "--sponsor", "Acme", "--bookings", last}, kToday).status;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(std::count(status.begin(), status.end(), 0), 1);
    EXPECT_EQ(std::count(status.begin(), status.end(), 4), 5);
}

TEST_F(CliInvoice, RefusalsCarryTheirExitStatusAndOneLine) {
    const std::string b = book("Acme", "2026-03-02");
    const std::string id = create_issue("Acme", "2026-03");

    auto expect = [&](std::vector<std::string> args, int status, const std::string& names) {
        CliResult r = fail(args);
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        EXPECT_EQ(r.status, status) << joined << "\n" << r.err;
        EXPECT_TRUE(one_line(r.err)) << joined << "\n[" << r.err << "]";
        if (!names.empty()) {
            EXPECT_NE(r.err.find(names), std::string::npos) << joined << "\n" << r.err;
        }
        EXPECT_EQ(r.out, "") << joined;
    };
    expect({"invoice", "show", "999"}, 3, "999");
    expect({"invoice", "show", "2031-0001"}, 3, "2031-0001");
    expect({"invoice", "issue", "999"}, 3, "999");
    expect({"invoice", "pay", "999", "--amount", "1", "--date", kToday}, 3, "999");
    expect({"invoice", "issue", id}, 4, "2026-0001");
    expect({"invoice", "pay", id, "--amount", "1800.01", "--date", kToday}, 4, "1800.00");
    expect({"invoice", "pay", id, "--amount", "12.345", "--date", kToday}, 1, "12.345");
    expect({"invoice", "pay", id, "--amount", "douze", "--date", kToday}, 1, "douze");
    expect({"invoice", "pay", id, "--amount", "0", "--date", kToday}, 1, "");
    expect({"invoice", "pay", id, "--amount", "10", "--date", "2026-02-30"}, 1, "2026-02-30");
    expect({"invoice", "create", "--sponsor", "Acme", "--bookings", b}, 4, "2026-0001");
    expect({"invoice", "create", "--sponsor", "Acme", "--bookings", "1,x"}, 1, "\"x\"");
    expect({"invoice", "create", "--sponsor", "Acme", "--month", "2026-13"}, 1, "2026-13");
    expect({"invoice", "create", "--sponsor", "Acme", "--month", "2026-05"}, 3, "2026-05");
    expect({"invoice", "create", "--sponsor", "Nobody", "--month", "2026-03"}, 3, "Nobody");
    expect({"invoice", "create", "--sponsor", "Acme"}, 2, "");
    expect({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03", "--bookings", b}, 2, "");
    expect({"invoice", "create", "--sponsor", "Berlin Media", "--bookings", b}, 1, "Acme");
    expect({"invoice", "list", "--status", "unpaid"}, 1, "unpaid");
    expect({"invoice", "export", id}, 2, "");
    expect({"booking", "status", b, "cancelled"}, 4, "2026-0001");

    const std::string draft_booking = book("Acme", "2026-03-03");
    json d = run_json({"invoice", "create", "--sponsor", "Acme", "--bookings", draft_booking});
    const std::string draft = std::to_string(d["id"].get<long long>());
    expect({"invoice", "export", draft, "--cii", dir.file("draft.xml")}, 4, "issue it");
    expect({"invoice", "export", draft, "--cii", dir.file("d.xml"), "--pdf", dir.file("d.pdf")}, 4, "issue it");
    EXPECT_FALSE(std::filesystem::exists(dir.file("d.pdf"))) << "a refused export wrote its other file";
    expect({"invoice", "refund", id, "--amount", "1", "--date", kToday}, 4, "not a credit note");
    expect({"invoice", "issue", draft, "--eur-rate", "0.92"}, 1, "EUR");
    expect({"invoice", "pay", draft, "--amount", "1", "--date", kToday}, 4, "draft");
    EXPECT_EQ(run_json({"invoice", "show", id})["paid"], "0.00") << "a refused payment wrote something";
}

TEST_F(CliInvoice, FacturXOriginalCiiEuroRateRefundAndEndOfMonth) {
    book("Acme", "2026-03-02");
    json d = run_json({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03", "--order-ref", "PO-4471"});
    const std::string id = std::to_string(d["id"].get<long long>());
    // A draft's PDF is a preview, never an e-invoice.
    json p = run_json({"invoice", "export", id, "--pdf", dir.file("preview.pdf")});
    EXPECT_EQ(p["pdf_kind"], "preview");
    EXPECT_EQ(run_command("pdfdetach -list '" + dir.file("preview.pdf") + "'").find("factur-x.xml"), std::string::npos);

    // Issued after March ended: a warning, and the invoice is issued all the same.
    CliResult late = run({"invoice", "issue", id, "--date", "2026-04-02"}, "2026-04-02");
    EXPECT_NE(late.err.find("warning: 2026-0001 covers 2026-03 but is dated 2026-04-02"), std::string::npos)
        << late.err;
    EXPECT_NE(late.err.find("art. 289 I-3 CGI"), std::string::npos) << late.err;

    json e = run_json({"invoice", "export", id, "--pdf", dir.file("a.pdf"), "--cii", dir.file("a.xml")});
    EXPECT_EQ(e["pdf_kind"], "factur-x");
    EXPECT_EQ(e["month_ended"], "2026-03");
    run({"invoice", "export", "2026-0001", "--pdf", dir.file("b.pdf")});
    EXPECT_EQ(fingerprint(dir.file("a.pdf")), fingerprint(dir.file("b.pdf"))) << "the original changed";
    const std::string xml = read_file(dir.file("a.xml"));
    EXPECT_NE(xml.find("PO-4471"), std::string::npos);
    EXPECT_NE(xml.find("urn:cen.eu:en16931:2017"), std::string::npos);
    EXPECT_NE(run_command("pdfdetach -list '" + dir.file("a.pdf") + "'").find("factur-x.xml"), std::string::npos);
    EXPECT_NE(pdf_text(dir.file("a.pdf")).find("PO-4471"), std::string::npos);

    // Paid, cancelled, then money paid back on the credit note.
    run({"invoice", "pay", id, "--amount", "1000", "--date", "2026-04-02"}, "2026-04-02");
    run({"invoice", "cancel", id, "--date", "2026-04-02"}, "2026-04-02");
    CliResult over =
        fail({"invoice", "refund", "AV-2026-0001", "--amount", "1000.01", "--date", "2026-04-02"}, "2026-04-02");
    EXPECT_EQ(over.status, 4);
    EXPECT_NE(over.err.find("1000.00"), std::string::npos) << over.err;
    json r = run_json({"invoice", "refund", "AV-2026-0001", "--amount", "1000", "--date", "2026-04-02"}, "2026-04-02");
    EXPECT_EQ(r["refunded"], "1000.00");

    // An invoice in dollars needs its euro rate.
    run({"publication", "add", "--name", "Dollar Digest", "--slug", "dollars", "--language", "en", "--currency",
         "USD"});
    run({"placement", "add", "--publication", "dollars", "--code", "MAIN", "--name", "Main", "--price", "900"});
    const std::string dollars = book("Gotham Ads", "2026-03-04", "dollars");
    json u = run_json({"invoice", "create", "--sponsor", "Gotham Ads", "--bookings", dollars});
    const std::string usd = std::to_string(u["id"].get<long long>());
    const std::string april = "2026-04-02";
    CliResult norate = fail({"invoice", "issue", usd, "--date", april}, april);
    EXPECT_EQ(norate.status, 1);
    EXPECT_NE(norate.err.find("--eur-rate"), std::string::npos) << norate.err;
    EXPECT_EQ(fail({"invoice", "issue", usd, "--date", april, "--eur-rate", "0,92,1"}, april).status, 1);
    json issued = run_json({"invoice", "issue", usd, "--date", april, "--eur-rate", "0,9235"}, april);
    EXPECT_EQ(issued["eur_rate"], "0.9235");
    run({"invoice", "export", usd, "--cii", dir.file("usd.xml")});
    EXPECT_NE(read_file(dir.file("usd.xml")).find("currencyID=\"EUR\""), std::string::npos);
}

class CliInvoiceNoPublisher : public CliInvoice {
protected:
    void publisher() override {}
};

TEST_F(CliInvoiceNoPublisher, IssuingListsEveryMissingDatumInOneMessage) {
    book("Acme", "2026-03-02");
    json d = run_json({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    const std::string id = std::to_string(d["id"].get<long long>());
    run({"sponsor", "set", "Acme", "--siren", ""});
    CliResult r = fail({"invoice", "issue", id});
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(one_line(r.err)) << r.err;
    for (const char* field : {"seller's legal name", "seller's street address", "seller's postcode", "seller's city",
                              "seller's SIREN", "seller's VAT number", "seller's legal form", "seller's registry",
                              "buyer's SIREN", "buyer's electronic address"})
        EXPECT_NE(r.err.find(field), std::string::npos) << field << " not named in: " << r.err;
    EXPECT_EQ(run_json({"invoice", "show", id})["status"], "draft");

    run({"publisher", "set", "--name", "Média Lettres SAS", "--siren", "732829320", "--legal-form", "SAS"});
    run({"sponsor", "set", "Acme", "--siren", "552100554"});
    r = fail({"invoice", "issue", id});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err.find("SIREN"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("legal form"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("postcode (publisher set --postcode)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("VAT number"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("registry"), std::string::npos) << r.err;

    run(issuing_publisher("Média Lettres SAS"));
    EXPECT_EQ(run_json({"invoice", "issue", id})["number"], "2026-0001");  // the refusals used no number
}

TEST_F(CliInvoice, StatementWorkbookHoldsEveryDocumentAndPayment) {
    book("Acme", "2026-03-02");
    const std::string first = create_issue("Acme", "2026-03", "2026-03-10");
    run({"invoice", "pay", first, "--amount", "800", "--date", "2026-03-20"});
    run({"invoice", "cancel", first});
    book("Acme", "2026-03-03");
    create_issue("Acme", "2026-03");
    const std::string xlsx = dir.file("statement.xlsx");
    json s = run_json({"invoice", "statement", "--sponsor", "Acme", "--xlsx", xlsx});
    EXPECT_EQ(s["entries"], 4);  // invoice, payment, credit note, invoice
    // The new invoice takes the freed booking and the new one (3600.00):
    // 1800 − 800 − 1800 + 3600, the sponsor owes 2800.00.
    EXPECT_EQ(s["balance"], "2800.00");
    EXPECT_EQ(read_file(xlsx).substr(0, 2), "PK");
}

}  // namespace
