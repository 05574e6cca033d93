#include "source/source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace pyro2cpp {

namespace {

std::unique_ptr<SourceFile> make_file(FileId id, std::string path, std::string text) {
    auto f = std::make_unique<SourceFile>();
    f->id = id;
    f->path = std::move(path);
    f->text = std::move(text);
    f->line_starts.push_back(0);
    for (std::size_t i = 0; i < f->text.size(); ++i) {
        if (f->text[i] == '\n') f->line_starts.push_back(i + 1);
    }
    return f;
}

// Byte offset of the `col`-th code point (1-based) in `line`, clamped to its end.
std::size_t byte_of_column(std::string_view line, std::uint32_t col) {
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < col && i < line.size(); ++c) {
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
    }
    return "error";
}

}  // namespace

std::string_view SourceFile::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts.size()) return {};
    std::size_t begin = line_starts[line - 1];
    std::size_t end = line < line_starts.size() ? line_starts[line] - 1 : text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    return std::string_view(text).substr(begin, end - begin);
}

const SourceFile* SourceManager::load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::error_code(errno, std::generic_category()).message();
        return nullptr;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
        error = std::error_code(errno, std::generic_category()).message();
        return nullptr;
    }
    return add(path, buf.str());
}

const SourceFile* SourceManager::add(std::string path, std::string text) {
    files_.push_back(make_file(static_cast<FileId>(files_.size()), std::move(path), std::move(text)));
    return files_.back().get();
}

void DiagnosticSink::add(Severity severity, Loc loc, std::string message) {
    if (severity == Severity::error) ++error_count_;
    diags_.push_back({severity, loc, std::move(message)});
}

std::string format_diagnostic(const Diagnostic& d, const SourceManager& sources) {
    std::string out;
    if (d.loc.valid() && d.loc.file < sources.size()) {
        const SourceFile& f = sources.file(d.loc.file);
        out += f.path + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": ";
        out += severity_name(d.severity);
        out += ": " + d.message + "\n";
        std::string_view line = f.line_text(d.loc.line);
        if (!line.empty()) {
            out += line;
            out += "\n";
            // Keep tabs so the caret lines up under the same column in any terminal.
            std::size_t upto = byte_of_column(line, d.loc.col);
            for (std::size_t i = 0; i < upto; ++i) {
                unsigned char c = static_cast<unsigned char>(line[i]);
                if ((c & 0xC0) == 0x80) continue;
                out += c == '\t' ? '\t' : ' ';
            }
            out += "^\n";
        }
    } else {
        out += "pyro2cpp: ";
        out += severity_name(d.severity);
        out += ": " + d.message + "\n";
    }
    return out;
}

void DiagnosticSink::print(std::ostream& out, const SourceManager& sources) const {
    // Group each note with the diagnostic before it, then sort the groups by position.
    std::vector<std::vector<const Diagnostic*>> groups;
    for (const Diagnostic& d : diags_) {
        if (d.severity == Severity::note && !groups.empty()) {
            groups.back().push_back(&d);
        } else {
            groups.push_back({&d});
        }
    }
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
        return a.front()->loc < b.front()->loc;
    });
    for (const auto& g : groups) {
        for (const Diagnostic* d : g) out << format_diagnostic(*d, sources);
    }
}

}  // namespace pyro2cpp
