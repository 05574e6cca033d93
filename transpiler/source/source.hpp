// Source files, locations and diagnostics: the one place every stage reports through.
//
// Stages never print or exit; they add Diagnostics to a DiagnosticSink, and the driver
// prints them sorted by position once the stage is done. A location is a file id plus a
// 1-based line and column; columns count characters (code points), tabs as one.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pyro2cpp {

using FileId = std::uint32_t;

struct Loc {
    FileId file = 0;
    std::uint32_t line = 0;  // 1-based; 0 means "no location"
    std::uint32_t col = 0;   // 1-based, in code points

    bool valid() const { return line != 0; }
    friend bool operator==(const Loc&, const Loc&) = default;
    friend auto operator<=>(const Loc&, const Loc&) = default;
};

// A half-open source range: from `begin` up to (not including) `end`.
struct Range {
    Loc begin;
    Loc end;
};

struct SourceFile {
    FileId id = 0;
    std::string path;   // as the user named it (printed in diagnostics)
    std::string text;   // whole contents, UTF-8
    std::vector<std::size_t> line_starts;  // byte offset of each line's first byte

    std::string_view line_text(std::uint32_t line) const;  // without the newline
};

// Owns every file read during one run; ids index into it.
class SourceManager {
public:
    // Reads `path`; returns nullptr and fills `error` (the OS's message) when it cannot.
    const SourceFile* load(const std::string& path, std::string& error);
    // Adds text that did not come from disk (tests, fuzzing).
    const SourceFile* add(std::string path, std::string text);
    const SourceFile& file(FileId id) const { return *files_[id]; }
    std::size_t size() const { return files_.size(); }

private:
    std::vector<std::unique_ptr<SourceFile>> files_;
};

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    Loc loc;
    std::string message;
};

class DiagnosticSink {
public:
    void error(Loc loc, std::string message) { add(Severity::error, loc, std::move(message)); }
    void warning(Loc loc, std::string message) { add(Severity::warning, loc, std::move(message)); }
    void note(Loc loc, std::string message) { add(Severity::note, loc, std::move(message)); }
    void add(Severity severity, Loc loc, std::string message);

    bool has_errors() const { return error_count_ > 0; }
    std::size_t error_count() const { return error_count_; }
    const std::vector<Diagnostic>& all() const { return diags_; }

    // Prints every diagnostic as `file:line:col: error: message`, then the source line and a
    // caret under the column. Stable-sorted by position; a note stays after the diagnostic it
    // follows.
    void print(std::ostream& out, const SourceManager& sources) const;

private:
    std::vector<Diagnostic> diags_;
    std::size_t error_count_ = 0;
};

// Formats one diagnostic (used by print and by tests).
std::string format_diagnostic(const Diagnostic& d, const SourceManager& sources);

}  // namespace pyro2cpp
