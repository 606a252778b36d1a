#include "sponsordesk/export/statement.h"

#include <algorithm>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/xlsx_writer.h"

namespace sponsordesk {
namespace {

struct StatementLabels {
    const char* title;
    const char* as_of;
    const char* currency;
    const char* opening_balance;
    const char* closing_balance;
    const char* date;
    const char* kind;
    const char* reference;
    const char* description;
    const char* debit;
    const char* credit;
    const char* balance;
    const char* total;
    const char* kinds[4];  // by StatementEntryKind
};

const StatementLabels kFrench{"Relevé de compte",
                              "Arrêté au",
                              "Devise",
                              "Solde initial",
                              "Solde final",
                              "Date",
                              "Type",
                              "Référence",
                              "Libellé",
                              "Débit",
                              "Crédit",
                              "Solde",
                              "Total",
                              {"Facture", "Avoir", "Paiement", "Remboursement"}};
const StatementLabels kEnglish{"Statement of account",
                               "As of",
                               "Currency",
                               "Opening balance",
                               "Closing balance",
                               "Date",
                               "Type",
                               "Reference",
                               "Description",
                               "Debit",
                               "Credit",
                               "Balance",
                               "Total",
                               {"Invoice", "Credit note", "Payment", "Refund"}};

enum Col { CDate, CKind, CReference, CDescription, CDebit, CCredit, CBalance };

}  // namespace

std::vector<StatementRow> statement_rows(const Statement& statement) {
    std::vector<StatementRow> rows;
    rows.reserve(statement.entries.size());
    for (const auto& e : statement.entries) {
        if (e.debit < 0 || e.credit < 0)
            throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                               fmt::format("statement entry {} of {} has a negative debit or credit",
                                           quote_value(e.reference), e.date.iso()));
        rows.push_back({e, 0});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const StatementRow& a, const StatementRow& b) { return a.entry.date < b.entry.date; });
    Minor balance = statement.opening_balance;
    for (auto& r : rows) {
        balance += r.entry.debit - r.entry.credit;
        r.balance = balance;
    }
    return rows;
}

void write_statement_xlsx(const Statement& statement, const std::string& path) {
    if (statement.language != "fr" && statement.language != "en")
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("language {} is not fr or en", quote_value(statement.language)));
    if (statement.currency.size() != 3)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("currency {} is not an ISO 4217 code", quote_value(statement.currency)));
    const auto rows = statement_rows(statement);
    const StatementLabels& l = statement.language == "fr" ? kFrench : kEnglish;
    const std::string& cur = statement.currency;

    // Rows go strictly downwards: a sponsor with years of entries streams.
    XlsxWorkbook book(path, {true, statement.language});
    XlsxProperties props;
    props.title = fmt::format("{} — {}", l.title, statement.sponsor);
    props.custom = {{"sponsor", statement.sponsor}, {"as_of", statement.as_of.iso()}};
    props.created = statement.as_of;  // not now: the same statement gives the same bytes
    book.set_properties(props);
    XlsxSheet& ws = book.add_sheet("Statement");

    ws.write_text(0, 0, l.title, kBold);
    ws.write_text(0, 1, statement.sponsor, kBold);
    ws.write_text(1, 0, l.as_of);
    ws.write_date(1, 1, statement.as_of);
    ws.write_text(2, 0, l.currency);
    ws.write_text(2, 1, cur);
    ws.write_text(3, 0, l.opening_balance);
    ws.write_money(3, 1, statement.opening_balance, cur);

    const int header = 5;
    ws.write_header(header, {l.date, l.kind, l.reference, l.description, l.debit, l.credit, l.balance});
    int row = header + 1;
    Minor debits = 0, credits = 0;
    for (const auto& r : rows) {
        const auto& e = r.entry;
        ws.write_date(row, CDate, e.date);
        ws.write_text(row, CKind, l.kinds[static_cast<int>(e.kind)]);
        ws.write_text(row, CReference, e.reference);
        ws.write_text(row, CDescription, e.description);
        // An empty side stays empty rather than 0,00: easier to read.
        if (e.debit != 0) ws.write_money(row, CDebit, e.debit, cur);
        if (e.credit != 0) ws.write_money(row, CCredit, e.credit, cur);
        // A value, not a formula: a running-balance formula would turn to
        // nonsense as soon as someone sorts the filtered table.
        ws.write_money(row, CBalance, r.balance, cur);
        debits += e.debit;
        credits += e.credit;
        ++row;
    }
    const int first = header + 1, last = std::max(row - 1, header);
    ws.freeze_rows(header + 1);
    ws.autofilter(header, CDate, last, CBalance);

    const Minor closing = statement.opening_balance + debits - credits;
    if (rows.empty()) {
        ws.write_text(row, CDate, l.total, kTotal);
        ws.write_money(row, CDebit, 0, cur, kTotal);
        ws.write_money(row, CCredit, 0, cur, kTotal);
        ws.write_money_formula(row, CBalance, fmt::format("={}", XlsxSheet::cell_name(3, 1)), closing, cur, kTotal);
    } else {
        const auto range = [&](int col) {
            return fmt::format("SUM({}:{})", XlsxSheet::cell_name(first, col), XlsxSheet::cell_name(last, col));
        };
        ws.write_text(row, CDate, l.total, kTotal);
        for (int c = CKind; c <= CDescription; ++c) ws.write_text(row, c, "", kTotal);
        ws.write_money_formula(row, CDebit, fmt::format("={}", range(CDebit)), debits, cur, kTotal);
        ws.write_money_formula(row, CCredit, fmt::format("={}", range(CCredit)), credits, cur, kTotal);
        ws.write_money_formula(row, CBalance,
                               fmt::format("={}+{}-{}", XlsxSheet::cell_name(3, 1), XlsxSheet::cell_name(row, CDebit),
                                           XlsxSheet::cell_name(row, CCredit)),
                               closing, cur, kTotal);
    }
    ++row;
    ws.write_text(row, CDescription, l.closing_balance, kBold);
    ws.write_money_formula(row, CBalance, fmt::format("={}", XlsxSheet::cell_name(row - 1, CBalance)), closing, cur,
                           kBold);
    book.close();
}

}  // namespace sponsordesk
