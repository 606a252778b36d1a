#pragma once
// The automatic recovery copy of an issue draft being edited: written to the
// user's data directory (beside the settings) a few seconds after the last
// keystroke, offered back when the same draft is opened after a crash, and
// removed once the draft is saved or its changes discarded.
#include <optional>
#include <string>

#include "sponsordesk/domain/date.h"

namespace sponsordesk::gui {

class DraftRecovery {
public:
    // One draft: the database file it belongs to, the publication and the issue.
    DraftRecovery(const std::string& database_path, const std::string& publication, const Date& issue);

    // $XDG_DATA_HOME/sponsordesk/recovery (~/.local/share/sponsordesk/recovery).
    static std::string Directory();

    const std::string& path() const { return path_; }
    // Writes the text (whole file replaced, never half-written); false when
    // the directory cannot be written (the editor keeps working).
    bool Write(const std::string& text) const;
    std::optional<std::string> Read() const;
    void Remove() const;

private:
    std::string path_;
};

}  // namespace sponsordesk::gui
