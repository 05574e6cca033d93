// Builds the text of a bindings file from the functions a header declares: decides which
// functions bind (types map, no obstacle, not a duplicate of another overload from Pyro's
// point of view), names them (names.hpp), and phrases the reason for each one skipped.
#include "bind/render.hpp"

#include <cstdio>
#include <map>
#include <optional>

#include "bind/names.hpp"
#include "bind/type_map.hpp"
#include "source/escape.hpp"

namespace pyro2cpp::bind {
namespace {

const char* obstacle_text(Obstacle obstacle) {
    switch (obstacle) {
        case Obstacle::none:
            break;
        case Obstacle::function_template:
            return "is a function template";
        case Obstacle::template_specialization:
            return "is a specialization of a function template";
        case Obstacle::variadic:
            return "is variadic (takes ...)";
        case Obstacle::anonymous_namespace:
            return "is in an anonymous namespace";
        case Obstacle::deleted:
            return "is deleted";
        case Obstacle::operator_:
            return "is an operator";
        case Obstacle::consteval_:
            return "is consteval (it runs only at compile time)";
    }
    return "";
}

// One function on its way to a line of output.
struct Entry {
    const CppFunction* fn = nullptr;
    std::vector<std::string> param_types;  // Pyro types, when every one maps
    std::string result_type;
    std::vector<std::string> problems;  // why it is skipped; empty when it binds
    std::optional<size_t> same_as;      // index of the overload it cannot be told apart from
    std::string name;                   // the Pyro name, when it binds
};

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i)
        out += (i ? separator : "") + parts[i];
    return out;
}

Entry map_function(const CppFunction& fn) {
    Entry entry;
    entry.fn = &fn;
    if (fn.obstacle != Obstacle::none) {
        entry.problems.push_back(obstacle_text(fn.obstacle));
        return entry;
    }
    for (size_t i = 0; i < fn.params.size(); ++i) {
        const CppParam& param = fn.params[i];
        const TypeMapping mapping = map_parameter_type(param.type);
        if (mapping.ok()) {
            entry.param_types.push_back(mapping.pyro);
        } else {
            const std::string which =
                param.name.empty() ? std::to_string(i + 1) : "'" + param.name + "'";
            entry.problems.push_back("parameter " + which + " is " + param.type.spelling + ", " +
                                     mapping.why_not);
        }
    }
    const TypeMapping result = map_result_type(fn.result);
    if (result.ok()) {
        entry.result_type = result.pyro;
    } else {
        entry.problems.push_back("returns " + fn.result.spelling + ", " + result.why_not);
    }
    return entry;
}

// Overloads with the same Pyro parameter types would call the same C++ overload set with the
// same arguments, so only the first declared binds. The rest get names from their types,
// unless one alone binds.
void name_overloads(std::vector<Entry>& entries) {
    std::map<std::string, std::vector<size_t>> groups;  // qualified name -> bindable entries
    for (size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].problems.empty()) groups[entries[i].fn->qualified_name].push_back(i);
    }
    std::vector<std::string> wanted(entries.size());
    for (auto& [qualified_name, members] : groups) {
        std::map<std::string, size_t> by_signature;
        std::vector<size_t> bound;
        for (size_t i : members) {
            auto [it, inserted] = by_signature.try_emplace(join(entries[i].param_types, ","), i);
            if (inserted) {
                bound.push_back(i);
            } else {
                entries[i].same_as = it->second;
            }
        }
        const std::string base = function_base_name(qualified_name);
        for (size_t i : bound) {
            const std::vector<std::string>& types = entries[i].param_types;
            wanted[i] = bound.size() == 1 || types.empty() ? base : base + "_" + type_suffix(types);
        }
    }
    NameTable table;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (!wanted[i].empty()) entries[i].name = table.claim(wanted[i]);
    }
}

// How a skipped function is named in its comment: with its parameter types when the name
// alone would not say which overload.
std::string display_name(const CppFunction& fn, bool overloaded) {
    if (!overloaded) return fn.qualified_name;
    std::vector<std::string> types;
    for (const CppParam& param : fn.params)
        types.push_back(param.type.spelling);
    return fn.qualified_name + "(" + join(types, ", ") + ")";
}

// An overloaded C++ name is quoted with its C++ parameter types, which pick the overload the
// extern calls (`"geo::scale(int, int)"`): Pyro's types alone may fit several.
std::string extern_line(const Entry& entry, bool overloaded) {
    std::vector<std::string> cpp_names;
    for (const CppParam& param : entry.fn->params)
        cpp_names.push_back(param.name);
    const std::vector<std::string> names = parameter_names(cpp_names);
    std::vector<std::string> params;
    for (size_t i = 0; i < names.size(); ++i)
        params.push_back(names[i] + ": " + entry.param_types[i]);
    return "extern " + pyro_string_literal(display_name(*entry.fn, overloaded)) + " def " +
           entry.name + "(" + join(params, ", ") + ") -> " + entry.result_type;
}

// A comment holds one line: control characters (a newline in a path) would end it early.
std::string comment_safe(std::string text) {
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    return text;
}

}  // namespace

std::string pyro_string_literal(std::string_view text) {
    std::string out = "\"";
    append_escaped(out, text, LiteralLanguage::pyro);
    return out + "\"";
}

std::string render_bindings(const std::string& header, const std::vector<std::string>& clang_args,
                            const std::vector<CppFunction>& functions) {
    std::string out = "# Generated by pyro2cpp bind from " + comment_safe(header);
    if (!clang_args.empty())
        out += " (Clang arguments: " + comment_safe(join(clang_args, " ")) + ")";
    out += "\nimport cpp " + pyro_string_literal(header) + "\n\n";
    if (functions.empty()) {
        return out + "# no free functions are declared in " + comment_safe(header) +
               " or the headers beside it\n";
    }

    std::vector<Entry> entries;
    std::map<std::string, int> declarations;
    for (const CppFunction& fn : functions) {
        entries.push_back(map_function(fn));
        ++declarations[fn.qualified_name];
    }
    name_overloads(entries);

    for (const Entry& entry : entries) {
        if (!entry.name.empty()) {
            out += extern_line(entry, declarations[entry.fn->qualified_name] > 1) + "\n";
            continue;
        }
        const bool overloaded = declarations[entry.fn->qualified_name] > 1;
        std::string why = join(entry.problems, "; ");
        if (entry.same_as) {
            const Entry& twin = entries[*entry.same_as];
            why = "has the same Pyro parameter types (" + join(entry.param_types, ", ") + ") as " +
                  display_name(*twin.fn, true) + ", bound as " + twin.name;
        }
        out += comment_safe("# skipped " + display_name(*entry.fn, overloaded) + ": " + why) + "\n";
    }
    return out;
}

}  // namespace pyro2cpp::bind
