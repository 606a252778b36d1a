// The billing report workbook: the Invoices sheet streams one row per
// invoice and credit note, then a totals row of formulas; the Aging sheet
// adds the outstanding amounts up by days overdue with SUMIFS over it.
#include <algorithm>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/report_xlsx.h"

namespace sponsordesk {
namespace {

enum Col {
    CNumber,
    CDate,
    CSponsor,
    CNet,
    CVat,
    CGross,
    CPaid,
    COutstanding,
    CDaysOverdue,
    CKind,
    CStatus,
    CDueDate,
    CCancels,
    CCurrency,
    CLast = CCurrency
};
constexpr int kFirstMoney = CNet, kLastMoney = COutstanding;

// SUMIFS/COUNTIFS criteria on the days-overdue column, per bucket.
std::string bucket_criteria(size_t bucket, const std::string& days) {
    switch (bucket) {
        case 0:
            return fmt::format("{},0", days);
        case 1:
            return fmt::format("{0},\">=1\",{0},\"<=30\"", days);
        case 2:
            return fmt::format("{0},\">=31\",{0},\"<=60\"", days);
        case 3:
            return fmt::format("{0},\">=61\",{0},\"<=90\"", days);
        default:
            return fmt::format("{},\">90\"", days);
    }
}

XlsxWorkbook& with_properties(XlsxWorkbook& book, const ReportInfo& info, const ReportLabels& l) {
    XlsxProperties p;
    p.title = info.title;
    p.subject = info.scope;
    p.author = info.publisher;
    p.company = info.publisher;
    p.comments = l.billing_comments;
    p.custom = {{"report", "billing"}, {"from", info.from.iso()}, {"to", info.to.iso()}, {"language", l.language}};
    p.created = info.generated;
    book.set_properties(p);
    return book;
}

}  // namespace

int aging_bucket(std::int64_t days_overdue) {
    if (days_overdue <= 0) return 0;
    if (days_overdue <= 30) return 1;
    if (days_overdue <= 60) return 2;
    if (days_overdue <= 90) return 3;
    return 4;
}

BillingReportWorkbook::BillingReportWorkbook(const std::string& path, const ReportInfo& info, const Date& as_of)
    : l_(report_labels(info.language)),
      book_(path, {true, info.language}),
      invoices_(with_properties(book_, info, l_).add_sheet(l_.invoices_sheet)),
      aging_(book_.add_sheet(l_.aging_sheet)),
      info_(info),
      as_of_(as_of) {
    invoices_.write_header(0, {l_.number, l_.date, l_.sponsor, l_.net, l_.vat, l_.gross, l_.paid, l_.outstanding,
                               l_.days_overdue, l_.kind, l_.status, l_.due_date, l_.cancels, l_.currency});
    invoices_.freeze_rows(1);
}

BillingTotals& BillingReportWorkbook::totals_for(std::string_view currency) {
    for (auto& t : totals_)
        if (t.currency == currency) return t;
    totals_.push_back({std::string(currency)});
    std::sort(totals_.begin(), totals_.end(), [](const auto& a, const auto& b) { return a.currency < b.currency; });
    for (auto& t : totals_)
        if (t.currency == currency) return t;
    throw std::logic_error("unreachable");
}

void BillingReportWorkbook::add_document(const BillingRow& d) {
    const int r = ++row_;
    XlsxSheet& ws = invoices_;
    const std::string currency(d.currency);
    const bool credit = d.kind == BillingKind::CreditNote;
    ws.write_text(r, CNumber, d.number);
    ws.write_date(r, CDate, d.issue_date);
    ws.write_text(r, CSponsor, d.sponsor_name);
    ws.write_money(r, CNet, d.net, currency);
    ws.write_money(r, CVat, d.vat, currency);
    ws.write_money(r, CGross, d.gross, currency);
    ws.write_money(r, CPaid, d.paid, currency);
    ws.write_money(r, COutstanding, d.outstanding, currency);
    BillingTotals& t = totals_for(currency);
    if (d.outstanding > 0) {
        const std::int64_t days = d.due_date ? std::max<long>(0, as_of_.days() - d.due_date->days()) : 0;
        ws.write_number(r, CDaysOverdue, static_cast<double>(days), NumberFormat::Integer);
        const auto bucket = static_cast<size_t>(aging_bucket(days));
        t.aging[bucket] += d.outstanding;
        ++t.aging_count[bucket];
    }
    ws.write_text(r, CKind, credit ? l_.kind_credit_note : l_.kind_invoice);
    ws.write_text(r, CStatus, l_.invoice_status(d.status));
    if (d.due_date && !credit) ws.write_date(r, CDueDate, *d.due_date);
    if (d.credited_number) ws.write_text(r, CCancels, *d.credited_number);
    ws.write_text(r, CCurrency, currency);
    (credit ? t.credit_notes : t.invoices) += 1;
    t.net += d.net;
    t.vat += d.vat;
    t.gross += d.gross;
    t.paid += d.paid;
    t.outstanding += d.outstanding;
}

void BillingReportWorkbook::close() {
    XlsxSheet& ws = invoices_;
    const int last_data = std::max(row_, 1);  // an empty range still has a row: the blank one below
    ws.autofilter(0, 0, last_data, CLast);
    ws.set_min_width(CCancels, 10);
    ws.set_min_width(CDaysOverdue, 14);
    const std::string currencies = sheet_range(l_.invoices_sheet, 1, CCurrency, last_data);
    const bool several = totals_.size() > 1;
    int r = row_ + 2;  // a blank row keeps the totals out of the filtered table
    if (totals_.empty()) totals_.push_back({"EUR"});
    for (const auto& t : totals_) {
        ws.write_text(r, CNumber, several ? std::string(l_.total) + " " + t.currency : std::string(l_.total), kTotal);
        const Minor cached[] = {t.net, t.vat, t.gross, t.paid, t.outstanding};
        for (int c = kFirstMoney; c <= kLastMoney; ++c) {
            const std::string range = sheet_range(l_.invoices_sheet, 1, c, last_data);
            const std::string f = several ? fmt::format("=SUMIF({},\"{}\",{})", currencies, t.currency, range)
                                          : fmt::format("=SUM({})", range);
            ws.write_money_formula(r, c, f, cached[c - kFirstMoney], t.currency, kTotal);
        }
        ws.write_text(r, CCurrency, t.currency, kTotal);
        ++r;
    }
    ws.write_text(r + 1, CNumber, fmt::format(fmt::runtime(l_.billing_note), report_date_text(as_of_, l_.language)));

    XlsxSheet& ag = aging_;
    int a = 0;
    ag.write_text(a++, 0, l_.aging_title, kBold);
    ag.write_text(a, 0, l_.as_of);
    ag.write_date(a++, 1, as_of_);
    ag.write_text(a, 0, l_.issued_from);
    ag.write_date(a++, 1, info_.from);
    ag.write_text(a, 0, l_.issued_to);
    ag.write_date(a++, 1, info_.to);
    ++a;
    const int header = a;
    ag.write_header(a++, {l_.bucket, l_.outstanding, l_.currency, l_.invoices, l_.definition});
    const std::string outstanding = sheet_range(l_.invoices_sheet, 1, COutstanding, last_data);
    const std::string days = sheet_range(l_.invoices_sheet, 1, CDaysOverdue, last_data);
    for (const auto& t : totals_) {
        const int first = a;
        const std::string by_currency = fmt::format(",{},\"{}\"", currencies, t.currency);
        for (size_t b = 0; b < l_.aging_buckets.size(); ++b) {
            const std::string criteria = bucket_criteria(b, days) + by_currency;
            ag.write_text(a, 0, l_.aging_buckets[b]);
            ag.write_money_formula(a, 1, fmt::format("=SUMIFS({},{})", outstanding, criteria), t.aging[b], t.currency);
            ag.write_text(a, 2, t.currency);
            ag.write_formula(a, 3, fmt::format("=COUNTIFS({})", criteria), static_cast<double>(t.aging_count[b]),
                             NumberFormat::Integer);
            if (b == 0) ag.write_text(a, 4, l_.aging_definition);
            ++a;
        }
        std::int64_t count = 0;
        for (auto c : t.aging_count) count += c;
        ag.write_text(a, 0, l_.total, kTotal);
        ag.write_money_formula(a, 1, fmt::format("=SUM(B{}:B{})", first + 1, a), t.outstanding, t.currency, kTotal);
        ag.write_text(a, 2, t.currency, kTotal);
        ag.write_formula(a, 3, fmt::format("=SUM(D{}:D{})", first + 1, a), static_cast<double>(count),
                         NumberFormat::Integer, kTotal);
        a += 2;
    }
    ag.freeze_rows(header + 1);
    ag.autofilter(header, 0, std::max(a - 2, header + 1), 3);
    book_.close();
}

}  // namespace sponsordesk
