#pragma once
// Runs long core work off the UI thread behind a progress dialog with a
// Cancel button; the window keeps repainting meanwhile.
#include <functional>
#include <string>

#include <wx/string.h>

#include <atomic>

class wxWindow;

namespace sponsordesk::gui {

// What the worker gets: the flag to poll and where to report the fraction
// done; the caller wraps them in the core's Progress of the service it calls.
struct WorkerControl {
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(double)> report;
};

// `work` runs on a worker thread (with its own Database connection); it must
// not touch windows. Returns the error message, empty on success; `cancelled`
// is set when the user pressed Cancel.
wxString RunWithProgress(wxWindow* parent, const wxString& title, const wxString& message,
                         const std::function<void(const WorkerControl&)>& work, bool* cancelled = nullptr);

}  // namespace sponsordesk::gui
