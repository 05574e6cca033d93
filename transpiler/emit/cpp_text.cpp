// Small pieces of C++ text: type names, literals, comments, parentheses, and the Writer.
#include <fmt/format.h>

#include <cctype>

#include "emit/emitter.hpp"
#include "source/escape.hpp"

namespace pyro2cpp::emit::detail {

void Writer::line(std::string_view text) {
    out_.append(static_cast<std::size_t>(depth_) * 4, ' ');
    out_ += text;
    out_ += '\n';
}

void Writer::raw(std::string_view text) {
    out_ += text;
    out_ += '\n';
}

std::string cpp_type(const sema::TypeTable& types, sema::TypeId type, bool as_result) {
    switch (types.kind(type)) {
        case sema::TypeKind::int_:
            return "pyro::Int";
        case sema::TypeKind::float_:
            return "double";
        case sema::TypeKind::bool_:
            return "bool";
        case sema::TypeKind::string:
            return "pyro::Str";
        case sema::TypeKind::void_:
            return as_result ? "void" : "pyro::Void";
        case sema::TypeKind::range:
            return "pyro::Range";
        case sema::TypeKind::any:
        case sema::TypeKind::interface:  // an interface value (emit_interface_values.cpp)
            return "pyro::Any";
        case sema::TypeKind::record:
        case sema::TypeKind::class_:
            return object_cpp_type(types, type);
        case sema::TypeKind::list:
            if (!types.info(type).is_mut) {
                return "pyro::List<" + cpp_type(types, types.info(type).args[0]) + ">";
            }
            break;
        case sema::TypeKind::function:
            return "pyro::Func<" + func_signature(types, type) + ">";
        default:
            break;
    }
    if (auto conc = conc_cpp_type(types, type)) return *conc;
    return cpp_data_type(types, type);
}

namespace {

// Pyro's `_` digit separators become C++'s `'`; one right after a base prefix is dropped.
std::string with_cpp_separators(std::string_view spelling) {
    std::string out;
    for (char c : spelling) {
        if (c != '_') {
            out += c;
        } else if (!out.empty() && std::isdigit(static_cast<unsigned char>(out.back())) != 0) {
            out += '\'';
        } else if (!out.empty() && std::isxdigit(static_cast<unsigned char>(out.back())) != 0 &&
                   out.size() > 2) {
            out += '\'';
        }
    }
    return out;
}

}  // namespace

std::string string_literal(std::string_view value) {
    std::string out = "\"";
    append_escaped(out, value, LiteralLanguage::cpp);
    out += "\"_s";
    return out;
}

std::string c_string(std::string_view value) {
    std::string out = "\"";
    append_escaped(out, value, LiteralLanguage::cpp);
    out += '"';
    return out;
}

std::string comment_text(std::string_view text) {
    std::string body(text);
    // A comment ending in a backslash would continue onto the next C++ line.
    while (!body.empty() && (body.back() == ' ' || body.back() == '\t' || body.back() == '\\' ||
                             body.back() == '\r')) {
        body.pop_back();
    }
    return "//" + body;
}

std::string int_literal(const ast::IntLit& lit) {
    if (lit.spelling.empty()) return std::to_string(lit.value);
    std::string s = lit.spelling;
    if (s.size() > 1 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) s = "0" + s.substr(2);
    return with_cpp_separators(s);
}

std::string float_literal(const ast::FloatLit& lit) {
    if (!lit.spelling.empty()) return with_cpp_separators(lit.spelling);
    std::string s = fmt::format("{}", lit.value);
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    return s;
}

std::string parenthesize(const Cpp& e, int min_prec) {
    if (e.prec < min_prec) return "(" + e.text + ")";
    return e.text;
}

}  // namespace pyro2cpp::emit::detail
