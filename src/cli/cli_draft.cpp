// draft render: the draft with sponsor copy, house ads and figures.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/io/output_file.h"
#include "sponsordesk/services/draft_service.h"

namespace sponsordesk::cli {
namespace {

void register_draft(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* draft = app.add_subcommand("draft", "issue drafts with the sponsors' copy inserted");
    draft->require_subcommand(1);
    auto* render = draft->add_subcommand("render", "render an issue's draft; warnings go to stderr");
    auto& pub = required(render, store, "--publication", "publication slug");
    auto& date = required(render, store, "--date", "issue date");
    auto& format = add(render, store, "--format", "markdown, html or text (default markdown)");
    auto& out = add(render, store, "--out", "write to this file instead of stdout (- for stdout)");
    CLI::Option* strict = add_flag(render, "--strict", "exit 1 when any warning was raised (nothing is written)");
    render->callback([&, strict] {
        ctx.run = [&, strict] {
            DraftFormat f = format.given() ? draft_format_from(format.value) : DraftFormat::Markdown;
            RenderedDraft r = DraftService(ctx.db()).render(pub.value, Date::parse(date.value), f);
            for (const auto& w : r.warnings)
                std::cerr << "warning: " << (w.line > 0 ? fmt::format("line {}: ", w.line) : "") << english_text(w)
                          << "\n";
            if (strict->count() > 0 && !r.warnings.empty())
                throw InvalidInput(
                    {ErrorCode::InvalidFile, "draft", {{"warnings", static_cast<std::int64_t>(r.warnings.size())}}},
                    fmt::format("{} warning{} in the draft of {} {} (--strict)", r.warnings.size(),
                                r.warnings.size() > 1 ? "s" : "", pub.value, date.value));
            const bool to_file = out.given() && out.value != "-";
            if (to_file) {
                OutputFile target(out.value, "draft");
                std::ofstream file(target.temp_path(), std::ios::binary);
                file << r.text;
                file.close();
                if (!file)
                    throw StorageError({ErrorCode::CannotWrite, "path", {{"path", out.value}}},
                                       fmt::format("cannot write draft {}", quote_value(out.value)));
                target.commit();
            }
            if (ctx.json) {
                nlohmann::json warnings = nlohmann::json::array();
                for (const auto& w : r.warnings) warnings.push_back({{"line", w.line}, {"message", english_text(w)}});
                nlohmann::json doc = {{"publication", pub.value},
                                      {"date", date.value},
                                      {"word_count", r.word_count},
                                      {"reading_seconds", r.reading_seconds},
                                      {"warnings", warnings}};
                if (!to_file)
                    doc["text"] = r.text;
                else
                    doc["out"] = out.value;
                ctx.emit(doc, [] {});
            } else if (!to_file) {
                std::cout << r.text;
            }
        };
    });
}

}  // namespace

REGISTER_COMMANDS(register_draft, 50);

}  // namespace sponsordesk::cli
