// Pyro names for C++ functions and parameters (the scheme is described in names.hpp). The
// keyword list comes from the lexer's token table, so it cannot drift from the language.
#include "bind/names.hpp"

#include <algorithm>
#include <array>

namespace pyro2cpp::bind {
namespace {

constexpr std::array pyro_keywords = {
#define TOKEN(name, spelling)
#define KEYWORD(name, spelling) std::string_view(spelling),
#include "lexer/token_kinds.def"
};

// Pyro identifiers are letters (Unicode ones too: bytes from 0x80 pass through), digits and
// `_`; anything else a C++ compiler accepts in a name becomes `_`.
std::string sanitize(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        const bool ascii_word = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                                (byte >= '0' && byte <= '9') || byte == '_';
        if (byte < 0x80 && !ascii_word) c = '_';
    }
    return out;
}

std::string unkeyword(std::string name) {
    if (is_pyro_keyword(name)) name += '_';
    return name;
}

}  // namespace

bool is_pyro_keyword(std::string_view word) {
    return std::find(pyro_keywords.begin(), pyro_keywords.end(), word) != pyro_keywords.end();
}

std::string pyro_identifier(std::string_view cpp_identifier) {
    return unkeyword(sanitize(cpp_identifier));
}

std::string function_base_name(std::string_view qualified_name) {
    std::string joined;
    for (size_t i = 0; i < qualified_name.size(); ++i) {
        if (qualified_name.substr(i, 2) == "::") {
            joined += '_';
            ++i;
        } else {
            joined += qualified_name[i];
        }
    }
    return pyro_identifier(joined);
}

std::string type_suffix(const std::vector<std::string>& pyro_types) {
    std::string suffix;
    for (const std::string& type : pyro_types) {
        if (!suffix.empty()) suffix += '_';
        for (char c : type) {
            if (c == '<' || c == ',') {
                suffix += '_';
            } else if (c != '>' && c != ' ') {
                suffix += c;
            }
        }
    }
    return suffix;
}

std::vector<std::string> parameter_names(const std::vector<std::string>& cpp_names) {
    std::vector<std::string> names(cpp_names.size());
    std::set<std::string> taken;
    const auto take = [&](size_t i, std::string name) {
        while (taken.count(name) != 0)
            name += '_';
        taken.insert(name);
        names[i] = std::move(name);
    };
    // The header's names first: an invented `argN` makes way for a real one, not the reverse.
    for (size_t i = 0; i < cpp_names.size(); ++i) {
        if (!cpp_names[i].empty()) take(i, pyro_identifier(cpp_names[i]));
    }
    for (size_t i = 0; i < cpp_names.size(); ++i) {
        if (cpp_names[i].empty()) take(i, "arg" + std::to_string(i + 1));
    }
    return names;
}

std::string NameTable::claim(const std::string& wanted) {
    std::string name = wanted;
    for (int n = 2; taken_.count(name) != 0; ++n)
        name = wanted + "_" + std::to_string(n);
    taken_.insert(name);
    return name;
}

}  // namespace pyro2cpp::bind
