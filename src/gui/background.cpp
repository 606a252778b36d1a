#include "background.h"

#include <atomic>
#include <exception>
#include <thread>

#include <wx/progdlg.h>
#include <wx/utils.h>

#include "error_text.h"
#include "gui_util.h"

namespace sponsordesk::gui {

wxString RunWithProgress(wxWindow* parent, const wxString& title, const wxString& message,
                         const std::function<void(const WorkerControl&)>& work, bool* cancelled) {
    std::atomic<bool> cancel{false}, done{false};
    std::atomic<int> permille{0};
    std::exception_ptr error;
    std::thread worker([&] {
        WorkerControl p;
        p.cancel = &cancel;
        p.report = [&](double f) { permille = static_cast<int>(f * 1000); };
        try {
            work(p);
        } catch (const std::exception&) {
            error = std::current_exception();  // worded on the UI thread below
        }
        done = true;
    });
    {
        wxProgressDialog dlg(title, message, 1000, parent,
                             wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
        while (!done) {
            if (!dlg.Update(std::min(999, permille.load()))) cancel = true;
            wxMilliSleep(30);
        }
    }
    worker.join();
    if (cancelled) *cancelled = cancel;
    if (!error) return {};
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return error_text(e);
    }
}

}  // namespace sponsordesk::gui
