#pragma once
// How long work (imports, reports, the example year) reports progress and is
// stopped, without knowing who shows it: the GUI runs the work off the UI
// thread, shows `report(fraction)` and sets `*cancel`.
#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>

namespace sponsordesk {

// Thrown when the caller asked to stop: nothing was written.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled: nothing was written") {}
    explicit Cancelled(const std::string& message) : std::runtime_error(message) {}
};

struct Progress {
    std::function<void(double)> report;         // 0 … 1; called from the working thread
    const std::atomic<bool>* cancel = nullptr;  // set by the caller to stop

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    // Reports `fraction`, and throws Cancelled when asked to stop.
    void step(double fraction) const {
        if (cancelled()) throw Cancelled();
        if (report) report(fraction);
    }
};

}  // namespace sponsordesk
