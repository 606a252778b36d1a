#pragma once
// Invoices: drafts from a sponsor's uninvoiced bookings, issue, payments,
// cancellation by credit note, PDF/XLSX export, statements.
#include <string>
#include <vector>

#include "view.h"
#include "sponsordesk/services/invoice_service.h"

class wxButton;
class wxChoice;
class wxHtmlWindow;
class wxListView;

namespace sponsordesk::gui {

class HistoryList;

wxString InvoiceStateLabel(InvoiceState s);

class InvoicesPanel : public View {
public:
    InvoicesPanel(wxWindow* parent, Database& db, ViewHost& host);
    void Reload() override;

    // Each returns false after showing why when the core refuses.
    bool CreateFor(SponsorId sponsor, const std::vector<BookingId>& bookings);
    // Issues without asking (OnIssue asks first).
    bool IssueSelected(std::optional<Date> date = std::nullopt, std::optional<std::int64_t> eur_rate = std::nullopt);
    // Writes the selected draft as a PDF marked "not an invoice".
    bool PreviewSelected(const std::string& path, bool open);
    void OnIssue();
    bool PaySelected(Minor amount, const Date& date);
    bool CancelSelected();
    bool ExportSelected(const std::string& path, bool pdf, bool open);
    bool SelectInvoice(Id id);
    Id SelectedInvoice() const;
    wxListView* list() { return list_; }
    HistoryList* history() { return history_; }
    const std::vector<InvoiceView>& invoices() const { return invoices_; }

private:
    void Fill();
    void ShowDetails();
    void UpdateButtons();
    void OnNew();
    void OnPreview();
    void OnPay();
    void OnCancel();
    void OnExport(bool pdf);
    void OnStatement();

    wxChoice *sponsor_, *state_;
    wxListView* list_;
    wxHtmlWindow* details_;
    HistoryList* history_ = nullptr;
    wxButton *new_, *issue_, *preview_, *pay_, *cancel_, *pdf_, *xlsx_, *statement_;
    std::vector<Sponsor> sponsors_;
    std::vector<InvoiceView> invoices_;
};

}  // namespace sponsordesk::gui
