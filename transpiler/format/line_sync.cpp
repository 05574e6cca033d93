// sync_lines (line_sync.hpp): re-establishing `#line` numbering after formatting.
#include "format/line_sync.hpp"

#include <cctype>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace pyro2cpp::format {

namespace {

struct Position {
    long line = 0;     // the .pyro line a C++ line counts as
    std::string file;  // the directive's file literal, quotes included
};

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (end == std::string_view::npos) {
            lines.push_back(text);
            break;
        }
        lines.push_back(text.substr(0, end));
        text.remove_prefix(end + 1);
    }
    return lines;
}

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// `#line 12 "app.pyro"`: its position (the line it names is the next line's).
std::optional<Position> directive(std::string_view line) {
    while (!line.empty() && is_space(line.front()))
        line.remove_prefix(1);
    if (!line.starts_with("#line ")) return std::nullopt;
    line.remove_prefix(6);
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])) != 0)
        ++digits;
    if (digits == 0) return std::nullopt;
    Position p;
    p.line = std::strtol(std::string(line.substr(0, digits)).c_str(), nullptr, 10);
    std::string_view rest = line.substr(digits);
    while (!rest.empty() && is_space(rest.front()))
        rest.remove_prefix(1);
    while (!rest.empty() && is_space(rest.back()))
        rest.remove_suffix(1);
    p.file = std::string(rest);
    return p;
}

}  // namespace

std::optional<std::string> sync_lines(const std::string& original, const std::string& formatted) {
    // Where each original line counts (none before the first directive), and which line each
    // of its non-blank characters is on.
    const std::vector<std::string_view> before = split_lines(original);
    std::vector<std::optional<Position>> counts(before.size());
    std::string chars;
    std::vector<std::size_t> char_line;
    std::optional<Position> at;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (auto d = directive(before[i])) {
            at = d;
        } else if (at) {
            counts[i] = at;
            ++at->line;
        }
        for (char c : before[i]) {
            if (is_space(c)) continue;
            chars += c;
            char_line.push_back(i);
        }
    }

    std::string out;
    std::size_t next = 0;  // into chars
    std::optional<Position> now;
    for (std::string_view line : split_lines(formatted)) {
        std::optional<std::size_t> origin;
        for (char c : line) {
            if (is_space(c)) continue;
            if (next >= chars.size() || chars[next] != c) return std::nullopt;
            if (!origin) origin = char_line[next];
            ++next;
        }
        if (auto d = directive(line)) {
            now = d;
            out.append(line).append("\n");
            continue;
        }
        if (origin && counts[*origin]) {
            const Position& want = *counts[*origin];
            if (!now || now->line != want.line || now->file != want.file) {
                out += "#line " + std::to_string(want.line) + " " + want.file + "\n";
                now = want;
            }
        }
        out.append(line).append("\n");
        if (now) ++now->line;
    }
    if (next != chars.size()) return std::nullopt;
    return out;
}

}  // namespace pyro2cpp::format
