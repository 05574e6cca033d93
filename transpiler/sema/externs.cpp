// C++ interop (LANGUAGE.md 8): `extern "ns::func" def name(params) -> R` and `import cpp`.
//
// An extern is declared like a `def` whose parameters all have written types: it gets one
// instance, calls to it are checked like calls to any annotated function, and the emitter
// writes a wrapper that converts the arguments and the result at the C++ boundary. Whether
// the C++ function really takes and returns what the extern says only the C++ compiler can
// tell; it reports a mismatch at the extern's .pyro line (through #line).
//
// The quoted name is a qualified C++ name, optionally followed by the exact C++ parameter
// types in parentheses (`"geo::scale(int, int)"`), which picks one of several overloads.
#include <fmt/format.h>

#include "sema/checker.hpp"

namespace pyro2cpp::sema::detail {

namespace {

bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_ident_char(char c) {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

// `ns::func`, `::func`, `a::b::c`: identifiers separated by `::`.
bool is_qualified_name(std::string_view text) {
    if (text.starts_with("::")) text.remove_prefix(2);
    if (text.empty()) return false;
    bool at_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (at_start) {
            if (!is_ident_start(c)) return false;
            at_start = false;
        } else if (c == ':') {
            if (i + 1 >= text.size() || text[i + 1] != ':') return false;
            ++i;
            at_start = true;
        } else if (!is_ident_char(c)) {
            return false;
        }
    }
    return !at_start;
}

// The parameter list of an overload-picking name: balanced brackets, no characters that
// could end the C++ expression it is spliced into.
bool is_parameter_list(std::string_view text) {
    int depth = 0;
    for (char c : text) {
        if (c == '(' || c == '<' || c == '[') ++depth;
        if (c == ')' || c == '>' || c == ']') --depth;
        if (depth < 0 || c == ';' || c == '{' || c == '}' || c == '"' || c == '\'' || c == '\n' ||
            c == '#' || c == '\\') {
            return false;
        }
    }
    return depth == 0;
}

bool maps_to_cpp(const TypeTable& table, TypeId t, bool result) {
    if (table.kind(t) == TypeKind::list && !table.info(t).is_mut) {
        return maps_to_cpp(table, table.info(t).args[0], false);
    }
    return t == types::int_ || t == types::float_ || t == types::bool_ || t == types::string ||
           (result && t == types::void_) || t == types::error;
}

}  // namespace

void Checker::declare_extern(const ast::ExternStmt& ext, std::size_t position,
                             std::uint32_t module) {
    const ast::DefStmt& sig = *ext.signature;
    std::string_view name = ext.cpp_name;
    std::string_view params;
    if (auto open = name.find('('); open != std::string_view::npos && name.ends_with(')')) {
        params = name.substr(open + 1, name.size() - open - 2);
        name = name.substr(0, open);
    }
    if (!is_qualified_name(name) || !is_parameter_list(params)) {
        sink_.error(ext.range.begin,
                    fmt::format("the C++ name of an extern must be a qualified name such as "
                                "\"ns::func\", optionally with its C++ parameter types, as in "
                                "\"ns::func(int, double)\" (got \"{}\")",
                                ext.cpp_name));
    }
    bool typed = true;
    for (const ast::Param& p : sig.params) {
        if (!p.type) {
            sink_.error(p.loc, fmt::format("parameter '{}' of an extern needs a type: types are "
                                           "not inferred across the C++ boundary",
                                           p.name));
            typed = false;
        }
    }
    const std::size_t before = decls_.size();
    declare_function(sig, position, module);
    if (decls_.size() == before) return;  // a duplicate name, reported
    FunctionDecl& decl = *decls_.back();
    decl.extern_ = &ext;
    decl.falls_off_end = false;
    if (!typed) return;
    for (std::size_t i = 0; i < sig.params.size(); ++i) {
        const TypeId t = *decl.param_types[i];
        if (!maps_to_cpp(types(), t, false)) {
            sink_.error(sig.params[i].type->range.begin,
                        fmt::format("an extern's parameters must be int, float, bool, string "
                                    "or a list of them, not {}",
                                    types().name(t)));
        }
    }
    if (decl.result_type && !maps_to_cpp(types(), *decl.result_type, true)) {
        sink_.error(sig.result->range.begin,
                    fmt::format("an extern's result must be int, float, bool, string, a list "
                                "of them or void, not {}",
                                types().name(*decl.result_type)));
    }
}

// `import cpp "<vector>"` / `import cpp "x.hpp"`: a header name the emitter can include.
void Checker::check_cpp_import(const ast::ImportStmt& import) {
    const std::string& path = import.path;
    const bool angled = path.size() > 2 && path.front() == '<' && path.back() == '>';
    bool ok = !path.empty();
    for (char c : path) {
        if (c == '"' || c == '\n' || c == '\r' || (!angled && (c == '<' || c == '>'))) ok = false;
    }
    if (!ok) {
        error(import.range.begin,
              fmt::format("'{}' is not a C++ header name: write \"<vector>\" for a system "
                          "header or \"dir/file.hpp\" for one beside this file",
                          path));
    }
}

}  // namespace pyro2cpp::sema::detail
