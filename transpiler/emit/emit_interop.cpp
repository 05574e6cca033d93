// Emitting C++ interop (LANGUAGE.md 8): the `#include`s of `import cpp`, and for each
// `extern` a wrapper function with the Pyro signature that calls the C++ function
// (docs/internals/runtime-contract.md, "C++ interop"):
//
//     double hypot2(double x, double y) {
//         return pyro::rt::call_extern<double>(PYRO_CPP_FUNCTION(::geo::hypot2), x, y);
//     }
//
// call_extern (runtime-headers/pyro/extern.hpp) converts the arguments only to the C++
// types the Pyro types map to, and the result only from them, so an extern that does not
// fit its C++ function fails to compile, at the extern's line when #line directives are on.
// An overload can be named by its C++ parameter types in the extern's name:
// `"geo::scale(int, int)"` calls `pyro::rt::Overload<int, int>::pick(&::geo::scale)`.
#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "emit/emitter.hpp"

namespace pyro2cpp::emit::detail {

namespace {

// `ns::f` -> `::ns::f`: the wrapper lives in the file's namespace, where a Pyro name could
// otherwise hide the C++ one.
std::string global_name(std::string_view name) {
    return name.starts_with("::") ? std::string(name) : "::" + std::string(name);
}

// The C++ function to call: its name, or the overload that the parameter types pick.
std::string cpp_callee(const std::string& quoted) {
    auto open = quoted.find('(');
    if (open == std::string::npos || !quoted.ends_with(')')) {
        return "PYRO_CPP_FUNCTION(" + global_name(quoted) + ")";
    }
    const std::string params = quoted.substr(open + 1, quoted.size() - open - 2);
    return fmt::format("pyro::rt::Overload<{}>::pick(&{})", params,
                       global_name(std::string_view(quoted).substr(0, open)));
}

// A header of `import cpp "x.hpp"` in `module`, as the generated file (compiled with the main
// file's directory on the quote path) includes it.
std::string include_line(const sema::Program& program, std::uint32_t module,
                         const std::string& header) {
    if (header.front() == '<') return "#include " + header;
    namespace fs = std::filesystem;
    const fs::path main_dir = fs::path(program.modules.back().file->path).parent_path();
    const fs::path dir = fs::path(program.modules[module].file->path).parent_path();
    fs::path path = fs::path(header);
    if (!path.is_absolute() && dir != main_dir) {
        const fs::path rel = dir.lexically_relative(main_dir);
        path = (rel.empty() ? dir : rel) / path;
    }
    return "#include " + c_string(path.lexically_normal().generic_string());
}

}  // namespace

std::vector<std::string> interop_includes(const sema::Program& program) {
    std::vector<std::string> lines;
    std::set<std::string> seen;
    bool externs = false;
    for (const auto& inst : program.instances)
        externs = externs || inst->extern_ != nullptr;
    if (externs) {
        lines.push_back("#include <pyro/extern.hpp>");
        seen.insert(lines.back());
    }
    for (std::uint32_t m = 0; m < program.modules.size(); ++m) {
        for (const auto& stmt : program.modules[m].module->body) {
            if (stmt->kind != ast::StmtKind::import) continue;
            const auto& import = stmt->as<ast::ImportStmt>();
            if (import.import_kind != ast::ImportKind::cpp) continue;
            std::string line = include_line(program, m, import.path);
            if (seen.insert(line).second) lines.push_back(std::move(line));
        }
    }
    return lines;
}

void emit_extern(const sema::Program& program, const sema::FunctionInstance& inst,
                 const EmitOptions& options, const std::string& file_literal, Writer& w) {
    const ast::ExternStmt& ext = *inst.extern_;
    for (const std::string& text : ext.leading_comments)
        w.line(comment_text(text));
    w.line(comment_text(" extern \"" + ext.cpp_name + "\" def " + inst.def->name));
    if (options.line_directives)
        w.raw(fmt::format("#line {} {}", ext.range.begin.line, file_literal));
    const std::string result = cpp_type(program.types, inst.result, true);
    std::string params;
    std::string args;
    for (std::size_t i = 0; i < inst.params.size(); ++i) {
        const sema::Variable& p = inst.body.locals[inst.params[i]];
        params += (i > 0 ? ", " : "") + cpp_type(program.types, p.type) + " " + p.cpp_name;
        args += ", " + p.cpp_name;
    }
    w.line(fmt::format("{} {}({}) {{", result, inst.cpp_name, params));
    w.indent();
    // The call is where the compiler finds a mismatch: it too is the extern's line.
    if (options.line_directives)
        w.raw(fmt::format("#line {} {}", ext.range.begin.line, file_literal));
    w.line(fmt::format("return pyro::rt::call_extern<{}>({}{});", result, cpp_callee(ext.cpp_name),
                       args));
    w.dedent();
    w.line("}");
}

}  // namespace pyro2cpp::emit::detail
